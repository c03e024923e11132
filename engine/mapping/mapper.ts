import type { Lead } from '../schema/lead.ts'
import { converterFor, Unconvertible, type Converter } from './convert.ts'
import type { ColumnRef, FactColumn, Mapping } from './schema.ts'

/** One source row: a CSV record (column → text) or a CRM record (field → JSON value). */
export type SourceRow = Readonly<Record<string, unknown>>

/** A value that was there but could not become its fact; the fact is left missing. */
export interface ConversionProblem {
  column: string
  fact: string
  value: string
  message: string
}

export interface MappedLead {
  lead: Lead
  /** Empty for a clean row; shared, so never push to it. */
  problems: readonly ConversionProblem[]
}

export interface LeadMapper {
  readonly mapping: Mapping
  /** Every column the mapping may read, in mapping order. */
  readonly columns: readonly string[]
  map(row: SourceRow): MappedLead
  /**
   * A mapper for rows given as cells in the order of `header` (a CSV file): the same result
   * as `map` on a record, without building one per row.
   */
  forHeader(header: readonly string[]): (cells: readonly string[]) => MappedLead
  /** Facts none of whose columns appear in `header`: unknown for every lead of that file. */
  absentColumns(header: readonly string[]): { fact: string; columns: string[] }[]
}

const noProblems: readonly ConversionProblem[] = Object.freeze([])
const hasOwn = Object.prototype.hasOwnProperty

type Reader<Row> = (row: Row) => unknown

interface CompiledFact {
  fact: string
  parts: string[]
  columns: string[]
  convert: Converter
}

/**
 * The mapper for a mapping that is already valid (`compileMapping` checks one first): a CLI
 * worker gets its mapping checked by the main thread and does not load the schemas. Facts are
 * nested by their dotted path; a value that cannot be converted leaves its fact missing
 * (unknown to the rules, never 0 or false) and is reported with its column.
 *
 * @example
 * const mapper = mapperFor(parseMapping(input))
 */
export function mapperFor(mapping: Mapping): LeadMapper {
  const facts = Object.entries(mapping.facts).map(([fact, spec]): CompiledFact => {
    const column: FactColumn =
      typeof spec === 'string' || Array.isArray(spec)
        ? { column: spec, type: 'string', unmapped: 'keep', range: 'low' }
        : spec
    const columns = columnList(column.column)
    return {
      fact,
      parts: fact.split('.'),
      columns,
      convert: converterFor(column, mapping.missing),
    }
  })
  const idColumns = mapping.id === undefined ? [] : columnList(mapping.id)

  const idMissing = new Set(mapping.missing.map((marker) => marker.trim().toLowerCase()))
  const mapWith = <Row>(
    idReaders: readonly Reader<Row>[],
    factReaders: readonly (readonly Reader<Row>[])[],
  ) => {
    return (row: Row): MappedLead => {
      const lead: Record<string, unknown> = {}
      let problems: ConversionProblem[] | undefined
      for (const readId of idReaders) {
        const id = readId(row)
        if (typeof id === 'number' && Number.isFinite(id)) {
          lead.id = id
          break
        }
        if (typeof id === 'string' && id.trim() !== '' && !idMissing.has(id.trim().toLowerCase())) {
          lead.id = id.trim()
          break
        }
      }
      for (let index = 0; index < facts.length; index++) {
        const compiled = facts[index]!
        const readers = factReaders[index]!
        for (let at = 0; at < readers.length; at++) {
          const raw = readers[at]!(row)
          const value = compiled.convert(raw)
          if (value === undefined) continue
          if (value instanceof Unconvertible) {
            ;(problems ??= []).push({
              column: compiled.columns[at]!,
              fact: compiled.fact,
              value: typeof raw === 'string' ? raw : JSON.stringify(raw),
              message: value.message,
            })
          } else {
            place(lead, compiled.parts, value)
          }
          break
        }
      }
      return { lead: lead as Lead, problems: problems ?? noProblems }
    }
  }

  const map = mapWith(
    idColumns.map(columnReader),
    facts.map((compiled) => compiled.columns.map(columnReader)),
  )

  return {
    mapping,
    columns: [...new Set([...idColumns, ...facts.flatMap((compiled) => compiled.columns)])],
    map,
    forHeader(header) {
      const position = new Map<string, number>()
      header.forEach((column, at) => {
        if (!position.has(column)) position.set(column, at)
      })
      const cellReader = (column: string): Reader<readonly string[]> => {
        const at = position.get(column)
        return at === undefined ? () => undefined : (cells) => cells[at]
      }
      return mapWith(
        idColumns.map(cellReader),
        facts.map((compiled) => compiled.columns.map(cellReader)),
      )
    },
    absentColumns(header) {
      const present = new Set(header)
      const inHeader = (column: string) =>
        present.has(column) || (column.includes('.') && present.has(column.split('.', 1)[0]!))
      return facts
        .filter((compiled) => !compiled.columns.some(inHeader))
        .map((compiled) => ({ fact: compiled.fact, columns: compiled.columns }))
    },
  }
}

function columnList(ref: ColumnRef): string[] {
  return typeof ref === 'string' ? [ref] : [...ref]
}

/**
 * Reads a column by its exact name; a dotted name not present as such is looked up in
 * nested objects ("attributes.referenceId" in a Salesforce record). Own properties only.
 */
function columnReader(column: string): Reader<SourceRow> {
  const parts = column.split('.')
  if (parts.length === 1) return (row) => (hasOwn.call(row, column) ? row[column] : undefined)
  return (row) => {
    if (hasOwn.call(row, column)) return row[column]
    let value: unknown = row
    for (const part of parts) {
      if (value === null || typeof value !== 'object' || !hasOwn.call(value, part)) return undefined
      value = (value as Record<string, unknown>)[part]
    }
    return value
  }
}

/** Sets a fact at its dotted path; the schema has refused prototype keys and overlapping paths. */
function place(lead: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let target = lead
  for (let at = 0; at < parts.length - 1; at++) {
    const part = parts[at]!
    let group = target[part] as Record<string, unknown> | undefined
    if (group === undefined) {
      group = {}
      target[part] = group
    }
    target = group
  }
  target[parts[parts.length - 1]!] = value
}
