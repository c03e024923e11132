import { isUtf8 } from 'node:buffer'
import { CsvError, parse } from 'csv-parse/sync'
import {
  catalogFor,
  compileMapping,
  leadSchema,
  mappingFromHeader,
  mappingPresets,
  type Lead,
  type LeadMapper,
  type Ruleset,
} from '../../engine/index.ts'
import { ApiError } from '../http/api-error.ts'
import { checkJsonValue, UnsafeJsonError } from '../http/safe-json.ts'
import { MAX_SIMULATION_LEADS } from '../schemas/audit.ts'

/** Uploads are bigger than JSON bodies: 100,000 CRM rows of ~300 bytes. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024
/** An error answer names at most this many bad lines. */
const MAX_LINE_ISSUES = 50

export const uploadTypes = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'text/csv': 'csv',
} as const
export type UploadFormat = (typeof uploadTypes)[keyof typeof uploadTypes]
export type MappingPreset = keyof typeof mappingPresets

/** The upload format a Content-Type names, or undefined for anything else (JSON included). */
export function uploadFormatOf(contentType: string | undefined): UploadFormat | undefined {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return Object.hasOwn(uploadTypes, essence)
    ? uploadTypes[essence as keyof typeof uploadTypes]
    : undefined
}

interface LineIssue {
  line: number
  path: string
  message: string
}

export interface UploadedLeads {
  leads: Lead[]
  /** Values that were there but could not become their fact (left unknown), per column. */
  warnings: string[]
}

/**
 * Reads a lead upload for a simulation: NDJSON (one lead per line) or CSV with a header row.
 * Rows become leads the way `leadgate evaluate` reads files: through a CRM preset when
 * `mapping` is given, else NDJSON lines are leads as they are and CSV columns must name lead
 * facts (`company.employees`), typed by the ruleset's field catalog. A line that is not JSON
 * or not CSV is a 400, a line that cannot be a lead a 422; both name every bad line (up to 50).
 *
 * @example
 * const { leads } = readLeadUpload(bytes, 'csv', { ruleset, mapping: 'salesforce' })
 */
export function readLeadUpload(
  bytes: Uint8Array,
  format: UploadFormat,
  options: { ruleset: Ruleset; mapping?: MappingPreset | undefined },
): UploadedLeads {
  if (!isUtf8(bytes)) {
    throw new ApiError(400, 'invalid_utf8', 'the upload is not valid UTF-8; save the file as UTF-8')
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  const mapper = options.mapping ? compileMapping(mappingPresets[options.mapping]) : undefined
  const read =
    format === 'csv' ? csvLeads(text, options.ruleset, mapper) : ndjsonLeads(text, mapper)
  if (read.syntax.length > 0) {
    throw lineError(
      400,
      'invalid_upload',
      `lines that are not ${format === 'csv' ? 'CSV' : 'JSON'}`,
      read.syntax,
    )
  }
  if (read.unusable.length > 0) {
    throw lineError(422, 'invalid_leads', 'lines that cannot be leads', read.unusable)
  }
  if (read.leads.length === 0) {
    throw new ApiError(400, 'no_leads', 'the upload has no leads', { issues: [] })
  }
  if (read.leads.length > MAX_SIMULATION_LEADS) {
    throw new ApiError(
      400,
      'too_many_leads',
      `at most ${MAX_SIMULATION_LEADS} leads per simulation; the upload has ${read.leads.length}`,
      { limit: MAX_SIMULATION_LEADS },
    )
  }
  return { leads: read.leads, warnings: read.warnings }
}

interface ReadResult {
  leads: Lead[]
  syntax: LineIssue[]
  unusable: LineIssue[]
  warnings: string[]
}

function ndjsonLeads(text: string, mapper: LeadMapper | undefined): ReadResult {
  const result: ReadResult = { leads: [], syntax: [], unusable: [], warnings: [] }
  const problems = new ProblemTally()
  const lines = text.split('\n')
  for (let at = 0; at < lines.length; at++) {
    const line = at + 1
    const source = lines[at]!.trim()
    if (source === '') continue
    let value: unknown
    try {
      value = JSON.parse(source)
    } catch (error) {
      result.syntax.push(issue(line, `not JSON: ${(error as Error).message}`))
      continue
    }
    const unsafe = unsafeProblem(value)
    if (unsafe) {
      result.unusable.push(issue(line, unsafe))
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
      result.unusable.push(issue(line, `a lead must be a JSON object, found ${found}`))
      continue
    }
    if (mapper) {
      const mapped = mapper.map(value as Record<string, unknown>)
      problems.add(line, mapped.problems)
      result.leads.push(mapped.lead)
      continue
    }
    const lead = leadSchema.safeParse(value)
    if (!lead.success) {
      const first = lead.error.issues[0]!
      result.unusable.push(issue(line, `${first.path.join('.') || '(lead)'}: ${first.message}`))
      continue
    }
    result.leads.push(lead.data)
  }
  result.warnings = problems.warnings()
  return result
}

function csvLeads(text: string, ruleset: Ruleset, mapper: LeadMapper | undefined): ReadResult {
  const result: ReadResult = { leads: [], syntax: [], unusable: [], warnings: [] }
  let rows: { record: string[]; info: { lines: number } }[]
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = (error as CsvError & { lines?: number }).lines ?? 0
    result.syntax.push(issue(line, error.message))
    return result
  }
  if (rows.length === 0) return result
  const header = rows[0]!.record.map((cell) => cell.trim())
  const headerIssue = (message: string) => {
    result.unusable.push(issue(rows[0]!.info.lines, message))
    return result
  }
  const duplicate = header.find((column, at) => column !== '' && header.indexOf(column) !== at)
  if (duplicate) return headerIssue(`the header names column "${duplicate}" twice; rename one`)
  let rowMapper = mapper
  if (!rowMapper) {
    const { mapping } = mappingFromHeader(header, catalogFor(ruleset))
    if (Object.keys(mapping.facts).length === 0) {
      return headerIssue(
        'no column names a lead fact (such as "company.employees"); add ?mapping=salesforce or ?mapping=hubspot',
      )
    }
    rowMapper = compileMapping(mapping)
  } else if (
    rowMapper.absentColumns(header).length === Object.keys(rowMapper.mapping.facts).length
  ) {
    return headerIssue(
      "none of the mapping's columns are in the header; is this the right mapping?",
    )
  }
  const mapRow = rowMapper.forHeader(header)
  const problems = new ProblemTally()
  for (const { record, info } of rows.slice(1)) {
    const mapped = mapRow(record)
    problems.add(info.lines, mapped.problems)
    result.leads.push(mapped.lead)
  }
  result.warnings = problems.warnings()
  return result
}

/** Counts values that could not be converted, per column, with the first lines they were on. */
class ProblemTally {
  #byColumn = new Map<string, { fact: string; lines: number[] }>()

  add(line: number, problems: readonly { column: string; fact: string }[]): void {
    for (const problem of problems) {
      let entry = this.#byColumn.get(problem.column)
      if (!entry) this.#byColumn.set(problem.column, (entry = { fact: problem.fact, lines: [] }))
      entry.lines.push(line)
    }
  }

  warnings(): string[] {
    return [...this.#byColumn].map(([column, { fact, lines }]) => {
      const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '')
      return `column ${column}: ${lines.length} value${lines.length === 1 ? '' : 's'} could not be read as ${fact} (line${lines.length === 1 ? '' : 's'} ${shown}); left unknown`
    })
  }
}

function unsafeProblem(value: unknown): string | undefined {
  try {
    checkJsonValue(value)
    return undefined
  } catch (error) {
    if (!(error instanceof UnsafeJsonError)) throw error
    return error.message
  }
}

const issue = (line: number, message: string): LineIssue => ({
  line,
  path: `line ${line}`,
  message,
})

function lineError(status: 400 | 422, code: string, what: string, issues: LineIssue[]): ApiError {
  const shown = issues.slice(0, MAX_LINE_ISSUES)
  const first = shown[0]!
  return new ApiError(
    status,
    code,
    `${issues.length} ${what}; first at line ${first.line}: ${first.message}`,
    { issues: shown, count: issues.length },
  )
}
