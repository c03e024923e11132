import { dsvFormat } from 'd3-dsv'
import type { RecordDelimiter } from './row-boundary.ts'

interface PlainReader {
  parseRows: (text: string) => string[][]
  /**
   * A quoted cell as csv-parse reads it too: a quote right at the start of a cell, doubled
   * quotes inside, and a quote right before the cell's end.
   */
  quotedCells: RegExp
}

const readers = new Map<string, PlainReader>()

function readerFor(delimiter: string): PlainReader {
  let reader = readers.get(delimiter)
  if (reader === undefined) {
    const d = delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')
    reader = {
      parseRows: dsvFormat(delimiter).parseRows,
      // The cell start is matched, not looked behind (three times slower), and put back. Runs
      // of other characters are one step each: an alternation per character overflowed the
      // regex stack on a 20 MB cell.
      quotedCells: new RegExp(`(^|[${d}\\n])"[^"]*(?:""[^"]*)*"(?=[${d}\\r\\n]|$)`, 'g'),
    }
    readers.set(delimiter, reader)
  }
  return reader
}

/**
 * The rows of a range of whole CSV records, read with d3-dsv, which is about three times
 * quicker than csv-parse, when reading them is plain: every quote belongs to a well-formed
 * quoted cell, rows end only in `recordDelimiter` and cells hold no other line end outside
 * quotes. Rows whose every cell is blank (empty or whitespace) are left out, as csv-parse's
 * `skip_empty_lines` and `skip_records_with_empty_values` do. Answers undefined for anything
 * else (a stray quote, a bare CR, a byte order mark at the start), which the caller then
 * reads with csv-parse, so errors and edge cases are csv-parse's own; on the text it accepts
 * both give the same rows (a property test holds them to it).
 *
 * @example
 * plainRows('L1,"Acme, Inc."\n,\nL2,Globex\n', ',', '\n') // [['L1', 'Acme, Inc.'], ['L2', 'Globex']]
 * plainRows('L1,Acme "Inc"\n', ',', '\n') // undefined: csv-parse says what is wrong
 */
export function plainRows(
  text: string,
  delimiter: string,
  recordDelimiter: RecordDelimiter,
): string[][] | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    return undefined
  }
  if (text.charCodeAt(0) === 0xfeff) return undefined
  const reader = readerFor(delimiter)
  let unquoted = text
  if (text.includes('"')) {
    try {
      unquoted = text.replace(reader.quotedCells, '$1')
    } catch {
      // Text beyond what the expression can take (millions of doubled quotes): csv-parse reads it.
      return undefined
    }
  }
  if (unquoted.includes('"')) return undefined
  if (!plainLineEnds(unquoted, recordDelimiter)) return undefined
  const rows = reader.parseRows(text)
  let kept = 0
  for (const row of rows) {
    let at = 0
    while (at < row.length && row[at]!.trim() === '') at++
    if (at < row.length) rows[kept++] = row
  }
  rows.length = kept
  return rows
}

/** Whether every line end outside quotes is the record delimiter. */
function plainLineEnds(unquoted: string, recordDelimiter: RecordDelimiter): boolean {
  let cr = unquoted.indexOf('\r')
  if (recordDelimiter === '\n') return cr === -1
  let lf = unquoted.indexOf('\n')
  while (cr !== -1 || lf !== -1) {
    if (cr === -1 || lf !== cr + 1) return false
    cr = unquoted.indexOf('\r', lf + 1)
    lf = unquoted.indexOf('\n', lf + 1)
  }
  return true
}
