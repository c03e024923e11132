import { stringify } from 'csv-stringify/sync'
// The engine's modules themselves, not its index: a worker thread then loads what evaluating
// needs and not the schemas (zod), which took half of a worker's start.
import { compileRuleset } from '../../engine/compile.ts'
import type { Lead, Mapping, MappedLead, Ruleset, TraceMode } from '../../engine/index.ts'
import { mapperFor } from '../../engine/mapping/mapper.ts'
import { csvParseOptions } from '../input/csv-options.ts'
import type { RecordDelimiter } from '../input/row-boundary.ts'
import { csvFields, type CsvField, type OutputFormat } from '../output/decision-writer.ts'
import { countDecision, emptyTally, type DecisionTally } from './decision-tally.ts'
import { decisionWriter } from './decision-json.ts'
import { OutputBytes } from './output-bytes.ts'
import { parseRange, type RangeFormat, type RangeProblem } from './range-parse.ts'

/** Everything needed to evaluate batches; plain data, so it can be sent to a worker thread. */
export interface EvaluatorConfig {
  ruleset: Ruleset
  /** A valid mapping (checked with `parseMapping`); absent: JSON objects are leads as they are. */
  mapping: Mapping | undefined
  /** CSV header, when rows come as cells. */
  header: string[] | undefined
  trace: TraceMode
  format: OutputFormat
  columns: [CsvField, string][]
  /** Fixed decision time (ISO), or undefined for the clock. */
  now: string | undefined
  /** How to parse `{ csv }` batches: the cell and record delimiters the header was read with. */
  csv?: { delimiter: string; recordDelimiter: RecordDelimiter }
}

/**
 * Rows to decide: parsed CSV rows, JSON objects, or a range of whole rows of a UTF-8 CSV
 * file that the evaluator parses itself (see `csv` in the config).
 */
export type Batch =
  { cells: string[][] } | { objects: Record<string, unknown>[] } | { csv: Uint8Array }

export interface BatchResult {
  /** The batch's decisions, rendered in the output format (UTF-8 bytes from a worker). */
  text: string | Uint8Array
  tally: DecisionTally
  /** For a CSV range: its line feeds, so the next range's line numbers can be told. */
  lineFeeds?: number
  /** For a CSV range that could not be read: why, placed within the range. */
  invalid?: RangeProblem
  /** Call once `text` is written: its buffer goes back to the worker that filled it. */
  release?: () => void
}

// RFC 4180: CRLF between records, quotes only where a cell needs them.
export const csvOptions = {
  record_delimiter: 'windows',
  cast: { number: (value: number) => String(value) },
} as const

/**
 * Turns batches of source rows into rendered decisions and their counts. The same code runs
 * in the main thread for small inputs and in worker threads for large ones, so both give
 * byte-identical output.
 *
 * @example
 * const evaluator = new BatchEvaluator(config)
 * const { text, tally } = evaluator.evaluate({ cells: [['L1', '250']] })
 */
export class BatchEvaluator {
  #compiled
  #write
  #config: EvaluatorConfig
  #mapCells: ((cells: readonly string[]) => MappedLead) | undefined
  #mapObject: ((row: Record<string, unknown>) => MappedLead) | undefined
  #clock = new Date()
  #count = 0
  #csv: RangeFormat | undefined
  #out = new OutputBytes()

  constructor(config: EvaluatorConfig) {
    this.#config = config
    this.#compiled = compileRuleset(config.ruleset)
    this.#write = decisionWriter(config.ruleset)
    const mapper = config.mapping ? mapperFor(config.mapping) : undefined
    if (mapper && config.header) this.#mapCells = mapper.forHeader(config.header)
    if (mapper) this.#mapObject = (row) => mapper.map(row)
    if (config.csv) {
      const { delimiter, recordDelimiter } = config.csv
      this.#csv = {
        delimiter,
        recordDelimiter,
        options: csvParseOptions(delimiter, recordDelimiter),
      }
    }
  }

  /** Takes back the buffer of a result's `text` once it is written, to fill it again. */
  reuse(buffer: ArrayBuffer): void {
    this.#out.reuse(buffer)
  }

  evaluate(batch: Batch): BatchResult {
    if ('csv' in batch) {
      const bytes = Buffer.from(batch.csv.buffer, batch.csv.byteOffset, batch.csv.byteLength)
      const read = parseRange(bytes, this.#csv!)
      if ('invalid' in read) return { text: '', tally: emptyTally(), invalid: read.invalid }
      return { ...this.#decide(read.rows), lineFeeds: read.lineFeeds }
    }
    return this.#decide('cells' in batch ? batch.cells : batch.objects)
  }

  #decide(rows: readonly (string[] | Record<string, unknown>)[]): {
    text: string | Uint8Array
    tally: DecisionTally
  } {
    const tally = emptyTally()
    const { trace, format, columns } = this.#config
    const fixed = this.#config.now === undefined ? undefined : new Date(this.#config.now)
    const width = this.#config.header?.length ?? 0
    const out = format === 'csv' ? undefined : this.#out
    const csvRows: unknown[][] = []
    for (const row of rows) {
      let mapped: MappedLead
      let ragged = false
      if (Array.isArray(row)) {
        mapped = this.#mapCells!(row)
        ragged = row.length !== width
      } else {
        mapped = this.#mapObject ? this.#mapObject(row) : { lead: row as Lead, problems: [] }
      }
      // One clock read per 256 leads: decisions made that close together share a millisecond.
      if ((this.#count++ & 255) === 0) this.#clock = new Date()
      const evaluation = this.#compiled.run(mapped.lead)
      const decision = this.#compiled.explain(evaluation, { trace, now: fixed ?? this.#clock })
      countDecision(tally, decision, mapped.problems, ragged)
      if (format === 'csv') {
        csvRows.push(columns.map(([field]) => csvFields[field](decision)))
      } else {
        this.#write(decision, evaluation.ruleCodes, mapped.problems, out!)
      }
    }
    if (out) return { text: out.take(), tally }
    return { text: csvRows.length > 0 ? stringify(csvRows, csvOptions) : '', tally }
  }
}
