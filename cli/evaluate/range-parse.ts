import { isUtf8 } from 'node:buffer'
import type { Options } from 'csv-parse'
import { CsvError, parse } from 'csv-parse/sync'
import { CliError } from '../exit-codes.ts'
import { firstInvalidUtf8, notDecodableError } from '../input/decode.ts'
import { fileLineOf, withFileLine } from '../input/parser-lines.ts'
import { plainRows } from '../input/plain-rows.ts'
import { countLineFeeds, type RecordDelimiter } from '../input/row-boundary.ts'

/**
 * Why a range of a CSV file could not be read, placed within the range: plain data, so a
 * worker can send it to the main thread, which knows where the range sits in the file.
 */
export type RangeProblem =
  /** `at`: offset of the first bad byte in the range, -1 when it cannot be told. */
  | { kind: 'encoding'; at: number; line: number; value: number }
  /** `line`: the line within the range, 1 for its first line. */
  | { kind: 'csv'; message: string; line: number }

/** How a file's ranges are read: its delimiters, and csv-parse's options for them. */
export interface RangeFormat {
  delimiter: string
  recordDelimiter: RecordDelimiter
  options: Options
}

/**
 * Parses a range of whole CSV rows, checking first that it is UTF-8. Plain text is read
 * with d3-dsv (../input/plain-rows.ts), anything else with csv-parse.
 *
 * @example
 * parseRange(Buffer.from('L1,300\nL2,20\n'), { delimiter: ',', recordDelimiter: '\n', options: csvParseOptions(',', '\n') })
 * // { rows: [['L1', '300'], ['L2', '20']], lineFeeds: 2 }
 */
export function parseRange(
  bytes: Buffer,
  csv: RangeFormat,
): { rows: string[][]; lineFeeds: number } | { invalid: RangeProblem } {
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes)
    const line = 1 + countLineFeeds(bytes, 0, Math.max(at, 0))
    return { invalid: { kind: 'encoding', at, line, value: at >= 0 ? bytes[at]! : 0 } }
  }
  const plain = plainRows(bytes.toString('utf8'), csv.delimiter, csv.recordDelimiter)
  if (plain !== undefined) return { rows: plain, lineFeeds: countLineFeeds(bytes) }
  try {
    return { rows: parse(bytes, csv.options) as string[][], lineFeeds: countLineFeeds(bytes) }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error.lines === 'number' ? fileLineOf(bytes, error.lines) : 1
    return { invalid: { kind: 'csv', message: error.message, line } }
  }
}

/**
 * The error to stop the run with for a range's problem, with line and byte counted from the
 * start of the file, as the streaming reader gives them. A CSV error's line is the range's
 * first line plus its line within the range, both counted in line feeds as an editor shows
 * them (../input/parser-lines.ts).
 *
 * @example
 * rangeError({ kind: 'csv', message: 'Quote Not Closed: ... at line 2', line: 2 },
 *   { source: 'leads.csv', start: 70_000, lineFeedsBefore: 640 })
 * // CliError "leads.csv: Quote Not Closed: ... at line 642"
 */
export function rangeError(
  problem: RangeProblem,
  range: { source: string; start: number; lineFeedsBefore: number },
): CliError {
  if (problem.kind === 'encoding') {
    const place =
      problem.at >= 0
        ? {
            line: range.lineFeedsBefore + problem.line,
            byte: range.start + problem.at,
            value: problem.value,
          }
        : undefined
    return notDecodableError(range.source, 'utf8', place)
  }
  const line = range.lineFeedsBefore + problem.line
  return new CliError(`${range.source}: ${withFileLine(problem.message, line)}`)
}
