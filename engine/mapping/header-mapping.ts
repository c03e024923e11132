import { factPathSchema } from '../schema/condition.ts'
import type { FieldSpec } from '../field-catalog.ts'
import type { FactColumnInput, MappingInput } from './schema.ts'

const conversionFor: Record<FieldSpec['type'], FactColumnInput['type']> = {
  string: 'string',
  enum: 'string',
  number: 'number',
  boolean: 'boolean',
  list: 'list',
}

/**
 * The mapping for a file whose header already names lead facts ("id", "company.employees",
 * "contact.title"): each column is converted to the type the catalog declares for its fact.
 * Columns that are not fact paths are returned in `ignored` so the caller can say so.
 *
 * @example
 * mappingFromHeader(['id', 'company.employees', 'Notes'], fieldCatalog)
 * // { mapping: { id: 'id', facts: { 'company.employees': { column: 'company.employees', type: 'number' } } }, ignored: ['Notes'] }
 */
export function mappingFromHeader(
  header: readonly string[],
  catalog: ReadonlyMap<string, FieldSpec>,
): { mapping: MappingInput; ignored: string[] } {
  const facts: Record<string, FactColumnInput> = {}
  const ignored: string[] = []
  let id: string | undefined
  for (const column of header) {
    if (column === 'id') {
      id = column
      continue
    }
    const path = column.trim()
    // A bare word that the catalog does not know ("Employees") is more likely a column meant
    // for a mapping than a fact; dotted paths are facts, custom or not.
    const isFact =
      catalog.has(path) || (path.includes('.') && factPathSchema.safeParse(path).success)
    if (!isFact || Object.hasOwn(facts, path)) {
      ignored.push(column)
      continue
    }
    const type = conversionFor[catalog.get(path)?.type ?? 'string']
    facts[path] = { column, type }
  }
  // A column that is the parent of another ("company" and "company.employees") cannot both be facts.
  for (const path of Object.keys(facts)) {
    if (Object.keys(facts).some((other) => other.startsWith(`${path}.`))) {
      ignored.push(facts[path]!.column as string)
      delete facts[path]
    }
  }
  return { mapping: id === undefined ? { facts } : { id, facts }, ignored }
}
