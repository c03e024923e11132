import { isUtf8 } from 'node:buffer'
import { open, type FileHandle } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { csvParseOptions } from './csv-options.ts'
import {
  countLineFeeds,
  CR,
  firstLineEnd,
  lastRowEnd,
  LF,
  type RecordDelimiter,
} from './row-boundary.ts'

/** A run of whole CSV rows, cut from the file at row ends. */
export interface CsvRange {
  /** The rows' bytes; the view owns its ArrayBuffer, so it can be transferred to a worker. */
  bytes: Buffer
  /** Offset of the first byte in the file. */
  start: number
}

/** A UTF-8 CSV file read as its header and then ranges of rows, for workers to parse. */
export interface CsvRangeReader {
  /** The header's cells, as the parser read them. */
  header: string[]
  recordDelimiter: RecordDelimiter
  /** Line feeds up to the end of the header: the first range starts on line `this + 1`. */
  headerLineFeeds: number
  ranges: AsyncGenerator<CsvRange>
  /** Closes the file when `ranges` was not read to its end. */
  close(): Promise<void>
}

/**
 * ~16 KB of rows per range: ~150 leads, whose decisions (~4 KB each as NDJSON) a worker
 * renders into ~600 KB. Small ranges keep a worker's parsed rows short-lived (measured on
 * 100,000 leads with two workers: 16 KB ranges took 10% less CPU and 25% less memory than
 * 64 KB, 256 KB more of both); reading and posting a range costs the main thread little.
 */
const RANGE_BYTES = 16 * 1024
/** A header without a line end in the first megabyte is no header this reader can use. */
const MAX_HEADER_BYTES = 1024 * 1024

/**
 * Opens a UTF-8 CSV (or TSV) file to be read in ranges of whole rows: the header first, then
 * the rest cut at row ends outside quotes, so a worker can parse each range on its own.
 * Answers undefined for a file this reading does not suit, which the caller then streams
 * through the main thread as before: a UTF-16 byte order mark, a header that is not valid
 * UTF-8, rows ending in a bare CR, no header row, or no line end at all.
 *
 * Ranges are read one at a time, only as they are asked for, so memory stays flat on a
 * file of any size.
 *
 * @example
 * const reader = await openCsvRanges('leads.csv', ',')
 * if (reader) for await (const range of reader.ranges) worker.postMessage(range.bytes)
 */
export async function openCsvRanges(
  path: string,
  delimiter: string,
  rangeBytes = RANGE_BYTES,
): Promise<CsvRangeReader | undefined> {
  const file = await open(path, 'r')
  try {
    const head = await readHeader(file, delimiter, rangeBytes)
    if (!head) {
      await file.close()
      return undefined
    }
    let closed = false
    const closeOnce = async () => {
      if (closed) return
      closed = true
      await file.close()
    }
    return {
      header: head.header,
      recordDelimiter: head.recordDelimiter,
      headerLineFeeds: head.lineFeeds,
      ranges: readRanges(file, head, rangeBytes, closeOnce),
      close: closeOnce,
    }
  } catch (error) {
    await file.close()
    throw error
  }
}

interface Head {
  header: string[]
  recordDelimiter: RecordDelimiter
  lineFeeds: number
  /** Bytes read past the header, and where they start in the file. */
  rest: Buffer
  restStart: number
  ended: boolean
}

async function readHeader(
  file: FileHandle,
  delimiter: string,
  rangeBytes: number,
): Promise<Head | undefined> {
  let buffer = Buffer.allocUnsafe(rangeBytes)
  let filled = 0
  let ended = false
  let recordDelimiter: RecordDelimiter | undefined
  let from = 0
  for (;;) {
    const line = firstLineEnd(buffer, from, filled)
    if (!line) {
      if (ended || filled >= MAX_HEADER_BYTES) return undefined
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)])
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, filled)
      filled += bytesRead
      ended = bytesRead === 0
      if (filled >= 2 && (buffer[0] === 0xff || buffer[0] === 0xfe)) return undefined
      continue
    }
    // The parser keeps to the line end it meets first, blank lines before the header included.
    recordDelimiter ??= line.delimiter
    const bytes = buffer.subarray(0, line.end)
    if (!isUtf8(bytes) || hasBareCarriageReturn(bytes)) return undefined
    const records = parse(bytes, csvParseOptions(delimiter, recordDelimiter)) as string[][]
    if (records.length === 0) {
      from = line.end
      continue
    }
    return {
      header: records[0]!,
      recordDelimiter,
      lineFeeds: countLineFeeds(bytes),
      rest: buffer.subarray(line.end, filled),
      restStart: line.end,
      ended,
    }
  }
}

/** A CR not followed by LF: rows that end in it are for the streaming reader. */
function hasBareCarriageReturn(bytes: Buffer): boolean {
  let at = bytes.indexOf(CR)
  while (at !== -1) {
    if (bytes[at + 1] !== LF) return true
    at = bytes.indexOf(CR, at + 1)
  }
  return false
}

async function* readRanges(
  file: FileHandle,
  head: Head,
  rangeBytes: number,
  close: () => Promise<void>,
): AsyncGenerator<CsvRange> {
  let carry = head.rest
  let start = head.restStart
  let position = head.restStart + head.rest.length
  let ended = head.ended
  try {
    for (;;) {
      // A row longer than a range makes the next read bigger, not one range per 64 KB.
      const want = Math.max(rangeBytes, carry.length)
      // Unpooled: each range's buffer is its own, to be transferred whole to a worker.
      const buffer = Buffer.allocUnsafeSlow(carry.length + want)
      carry.copy(buffer)
      let filled = carry.length
      if (!ended) {
        const { bytesRead } = await file.read(buffer, filled, want, position)
        position += bytesRead
        filled += bytesRead
        ended = bytesRead === 0
      }
      if (ended) {
        if (filled > 0) yield { bytes: buffer.subarray(0, filled), start }
        return
      }
      const end = lastRowEnd(buffer, filled, head.recordDelimiter)
      if (end <= 0) {
        carry = buffer.subarray(0, filled)
        continue
      }
      carry = Buffer.from(buffer.subarray(end, filled))
      yield { bytes: buffer.subarray(0, end), start }
      start += end
    }
  } finally {
    await close()
  }
}
