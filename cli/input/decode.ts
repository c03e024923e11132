import { Transform, type TransformCallback } from 'node:stream'
import { CliError } from '../exit-codes.ts'
import { countLineFeeds } from './row-boundary.ts'

export const inputEncodings = ['utf8', 'utf16le', 'latin1'] as const
export type InputEncoding = (typeof inputEncodings)[number]

const decoderNames: Record<InputEncoding, string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  // What "latin1" files really are: the WHATWG name maps it to windows-1252, as Excel writes.
  latin1: 'windows-1252',
}

/**
 * Bytes → text, strictly: a byte sequence that is not valid in the encoding stops the run
 * with its line and offset instead of turning names into "Ren�". A UTF-8 or UTF-16 byte
 * order mark is honoured and dropped. Counts bytes so progress can be shown against the
 * file size.
 */
export class StrictDecoder extends Transform {
  bytes = 0
  #decoder: TextDecoder | undefined
  #encoding: InputEncoding
  #lines = 1

  constructor(
    encoding: InputEncoding,
    readonly source: string,
  ) {
    super({ decodeStrings: true })
    this.#encoding = encoding
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#decoder === undefined) this.#decoder = this.#open(chunk)
    try {
      const text = this.#decoder.decode(chunk, { stream: true })
      this.bytes += chunk.length
      this.#lines += countLineFeeds(chunk)
      done(null, text)
    } catch {
      done(this.#notDecodable(chunk))
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.#decoder?.decode() ?? '')
    } catch {
      done(
        new CliError(
          `${this.source}: input ends in the middle of a character; is it ${this.#encoding}?`,
        ),
      )
    }
  }

  #open(first: Buffer): TextDecoder {
    let name = decoderNames[this.#encoding]
    if (first[0] === 0xff && first[1] === 0xfe) name = 'utf-16le'
    else if (first[0] === 0xfe && first[1] === 0xff) name = 'utf-16be'
    else if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) name = 'utf-8'
    return new TextDecoder(name, { fatal: true })
  }

  #notDecodable(chunk: Buffer): CliError {
    const at = firstInvalidUtf8(chunk)
    const place =
      at >= 0
        ? {
            line: this.#lines + countLineFeeds(chunk.subarray(0, at)),
            byte: this.bytes + at,
            value: chunk[at]!,
          }
        : undefined
    return notDecodableError(this.source, this.#encoding, place)
  }
}

/** Where the first byte that is not valid text is: its line, file offset and value. */
export interface UndecodableByte {
  line: number
  byte: number
  value: number
}

/**
 * The error for input that is not valid text in its encoding, naming the first bad byte
 * when it is known.
 *
 * @example
 * notDecodableError('leads.csv', 'utf8', { line: 3, byte: 37, value: 0xe9 }).message
 * // "leads.csv: not valid utf8 text at line 3 (byte 37, 0xe9). Save the file as UTF-8, ..."
 */
export function notDecodableError(
  source: string,
  encoding: InputEncoding,
  place: UndecodableByte | undefined,
): CliError {
  const where = place
    ? ` at line ${place.line} (byte ${place.byte}, 0x${place.value.toString(16)})`
    : ''
  return new CliError(
    `${source}: not valid ${encoding} text${where}. Save the file as UTF-8, or say what it is with --encoding latin1 or --encoding utf16le`,
  )
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, or -1 (also for a sequence
 * cut short by the end of `bytes`).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0
  while (at < bytes.length) {
    const byte = bytes[at]!
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0
    if (length === 0) return at
    for (let next = 1; next < length; next++) {
      // A sequence cut by the chunk's end is not an error here; the decoder waits for more.
      if (at + next >= bytes.length) return -1
      if ((bytes[at + next]! & 0xc0) !== 0x80) return at
    }
    at += length
  }
  return -1
}
