import type { Options } from 'csv-parse'

/**
 * How leadgate reads CSV, the same whether the main thread streams the file or a worker
 * parses a range of it. Rows with nothing but blanks (",,," at the end of an Excel export)
 * are not leads; rows with too few or too many cells are read and counted.
 *
 * @example
 * parse(text, csvParseOptions(','))
 */
export function csvParseOptions(delimiter: string, recordDelimiter?: string): Options {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    ...(recordDelimiter === undefined ? {} : { record_delimiter: recordDelimiter }),
  }
}
