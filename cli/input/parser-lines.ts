import { createReadStream } from 'node:fs'
import { CR, LF, QUOTE } from './row-boundary.ts'

/**
 * Maps csv-parse's line numbers back to the file's. csv-parse counts lines by line feeds,
 * and inside a quoted cell also by carriage returns, so after a cell holding a CR (or a CR
 * LF) its numbers run ahead of the lines an editor shows. Fed the text from its start, the
 * finder answers the file line on which csv-parse's line `parserLine` starts.
 *
 * @example
 * const finder = new FileLineFinder(4)
 * finder.scan(Buffer.from('a,b\r\n"x\ry",c\r\n"bad"x\r\n')) // 3: the CR inside quotes counted once more
 */
export class FileLineFinder {
  #quoted = false
  #line = 1
  #parserLine = 1

  constructor(private readonly parserLine: number) {}

  /** Reads the next bytes; answers the file line once csv-parse's line is reached. */
  scan(bytes: Uint8Array): number | undefined {
    if (this.#parserLine >= this.parserLine) return this.#line
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at]
      if (byte === QUOTE) {
        this.#quoted = !this.#quoted
      } else if (byte === LF) {
        this.#line++
        if (++this.#parserLine >= this.parserLine) return this.#line
      } else if (byte === CR && this.#quoted) {
        if (++this.#parserLine >= this.parserLine) return this.#line
      }
    }
    return undefined
  }

  /** The file line reached so far: the answer when the text ended first. */
  get line(): number {
    return this.#line
  }
}

/**
 * The file line of csv-parse's line `parserLine` in `bytes` (a whole text, or a range of whole rows).
 *
 * @example
 * fileLineOf(Buffer.from('a\n"x\r\ny",c\n"bad"x\n'), 5) // 4
 */
export function fileLineOf(bytes: Uint8Array, parserLine: number): number {
  const finder = new FileLineFinder(parserLine)
  return finder.scan(bytes) ?? finder.line
}

/**
 * The same for a UTF-8 file, read again from its start (only when reporting an error).
 *
 * @example
 * await fileLineInFile('leads.csv', error.lines) // the line to name in the message
 */
export async function fileLineInFile(path: string, parserLine: number): Promise<number> {
  const finder = new FileLineFinder(parserLine)
  for await (const chunk of createReadStream(path)) {
    const line = finder.scan(chunk as Buffer)
    if (line !== undefined) return line
  }
  return finder.line
}

/**
 * A csv-parse message with its "at line N" told as the file's line.
 *
 * @example
 * withFileLine('Quote Not Closed: ... at line 5', 4) // 'Quote Not Closed: ... at line 4'
 */
export function withFileLine(message: string, line: number): string {
  return message.replace(/\bat line \d+/, `at line ${line}`)
}
