import { createReadStream, statSync } from 'node:fs'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { fileLineInFile, withFileLine } from './parser-lines.ts'
import { CliError } from '../exit-codes.ts'
import { csvParseOptions } from './csv-options.ts'
import { StrictDecoder, type InputEncoding } from './decode.ts'
import { unsafeValueProblem } from './unsafe-value.ts'

export const inputFormats = ['csv', 'tsv', 'ndjson', 'json'] as const
export type InputFormat = (typeof inputFormats)[number]

/** What a lead file yields, in order: for CSV a header first, then one item per row. */
export type LeadRecord =
  | { kind: 'header'; columns: string[] }
  | { kind: 'cells'; number: number; cells: string[] }
  | { kind: 'object'; number: number; value: Record<string, unknown> }
  | { kind: 'unusable'; number: number; message: string }

export interface LeadInput {
  /** "-" for standard input. */
  path: string
  format: InputFormat
  encoding: InputEncoding
  /** File size for progress; undefined for standard input. */
  size: number | undefined
  decoder: StrictDecoder
  records: AsyncGenerator<LeadRecord>
  /**
   * How far into the input the records yielded so far reach: for CSV, what the parser has
   * consumed (the decoder reads up to 256 KB ahead of it); otherwise the bytes decoded.
   */
  position: () => number
}

const formatByExtension: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
}

/** JSON files are read whole: past this, NDJSON or CSV stream in constant memory. */
const MAX_JSON_BYTES = 256 * 1024 * 1024

/**
 * Opens a lead file (or standard input for "-") as a stream of records. The format comes
 * from `format`, else the extension, else the first character (`{` NDJSON, `[` JSON, else CSV).
 *
 * @example
 * const input = await openLeadInput('leads.csv', { encoding: 'utf8' })
 * for await (const record of input.records) console.log(record.kind)
 */
export async function openLeadInput(
  path: string,
  options: { format?: InputFormat; encoding: InputEncoding; stdin?: Readable },
): Promise<LeadInput> {
  let size: number | undefined
  let raw: Readable
  if (path === '-') {
    raw = options.stdin ?? process.stdin
  } else {
    size = leadFileSize(path)
    raw = createReadStream(path, { highWaterMark: 256 * 1024 })
  }
  const source = path === '-' ? 'standard input' : path
  const decoder = new StrictDecoder(options.encoding, source)
  const decoded = raw.pipe(decoder)
  raw.on('error', (error) => decoder.destroy(new CliError(`${source}: ${error.message}`)))
  const format = declaredFormat(path, options.format) ?? (await sniff(decoded))
  if (format === 'json' && size !== undefined && size > MAX_JSON_BYTES) {
    throw new CliError(
      `${source}: a .json file over 256 MB; convert it to NDJSON (one lead per line), which streams`,
    )
  }
  const tracker = { position: () => decoder.bytes }
  const records =
    format === 'csv' || format === 'tsv'
      ? csvRecords(decoded, source, format === 'tsv' ? '\t' : ',', tracker, {
          // A UTF-8 file can be read again to tell an error's line as an editor shows it.
          file: path !== '-' && options.encoding === 'utf8' ? path : undefined,
        })
      : format === 'ndjson'
        ? ndjsonRecords(decoded)
        : jsonRecords(decoded, source)
  const position = () => tracker.position()
  return { path, format, encoding: options.encoding, size, decoder, records, position }
}

/** The size of a lead file; a missing file or a folder is refused. */
export function leadFileSize(path: string): number {
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) throw new CliError(`${path}: is a folder, not a lead file`)
    return stat.size
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`${path}: no such file`)
  }
}

/** The format `--input-format` or the file's extension gives, if either does. */
export function declaredFormat(path: string, format?: InputFormat): InputFormat | undefined {
  return format ?? formatByExtension[extname(path).toLowerCase()]
}

async function sniff(decoded: Readable): Promise<InputFormat> {
  let head = ''
  for await (const chunk of decoded.iterator({ destroyOnReturn: false })) {
    decoded.unshift(chunk)
    head = String(chunk).trimStart()
    if (head !== '' || String(chunk) !== '') break
  }
  return head.startsWith('{') ? 'ndjson' : head.startsWith('[') ? 'json' : 'csv'
}

async function* csvRecords(
  decoded: Readable,
  source: string,
  delimiter: string,
  tracker: { position: () => number },
  options: { file: string | undefined },
): AsyncGenerator<LeadRecord> {
  const parser = parse(csvParseOptions(delimiter))
  // The parser counts characters; for a UTF-8 file with accents that is a little under the
  // bytes, which only makes the progress bar a little cautious.
  tracker.position = () => parser.info.bytes
  const piped = pipeline(decoded, parser)
  piped.catch(() => {}) // failures surface through the iterator below
  let number = 0
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (number === 0) {
        yield { kind: 'header', columns: checkedHeader(cells, source) }
      } else {
        yield { kind: 'cells', number, cells }
      }
      number++
    }
  } catch (error) {
    if (
      error instanceof CsvError &&
      options.file !== undefined &&
      typeof error.lines === 'number'
    ) {
      // csv-parse counts a CR inside a quoted cell as a line: tell the file's line instead.
      const line = await fileLineInFile(options.file, error.lines)
      throw new CliError(`${source}: ${withFileLine(error.message, line)}`)
    }
    throw asCliError(error, source)
  }
}

/** The header's column names, trimmed; a name used twice is refused. */
export function checkedHeader(cells: string[], source: string): string[] {
  const columns = cells.map((cell) => cell.trim())
  const seen = new Set<string>()
  for (const column of columns) {
    if (column !== '' && seen.has(column)) {
      throw new CliError(`${source}: the header names column "${column}" twice; rename one`)
    }
    seen.add(column)
  }
  return columns
}

async function* ndjsonRecords(decoded: Readable): AsyncGenerator<LeadRecord> {
  const lines = createInterface({ input: decoded, crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      yield { kind: 'unusable', number, message: `not JSON (${(error as Error).message})` }
      continue
    }
    yield objectRecord(value, number)
  }
}

async function* jsonRecords(decoded: Readable, source: string): AsyncGenerator<LeadRecord> {
  let text = ''
  for await (const chunk of decoded) text += String(chunk)
  if (text.trim() === '') return
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new CliError(`${source}: not valid JSON (${(error as Error).message})`)
  }
  // Salesforce (Tree API, REST query) and HubSpot (list API) wrap their records.
  const container = document as Record<string, unknown> | null
  const items = Array.isArray(document)
    ? document
    : Array.isArray(container?.records)
      ? container.records
      : Array.isArray(container?.results)
        ? container.results
        : [document]
  let number = 0
  for (const item of items as unknown[]) yield objectRecord(item, ++number)
}

function objectRecord(value: unknown, number: number): LeadRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
    return { kind: 'unusable', number, message: `a lead must be a JSON object, found ${found}` }
  }
  const unsafe = unsafeValueProblem(value)
  if (unsafe !== undefined)
    return { kind: 'unusable', number, message: `not a safe lead: ${unsafe}` }
  return { kind: 'object', number, value: value as Record<string, unknown> }
}

function asCliError(error: unknown, source: string): Error {
  if (error instanceof CliError) return error
  if (error instanceof CsvError) return new CliError(`${source}: ${error.message}`)
  return error as Error
}
