import {
  catalogFor,
  mappingFromHeader,
  parseMapping,
  type LeadMapper,
  type Mapping,
  type Ruleset,
} from '../../engine/index.ts'
import { CliError } from '../exit-codes.ts'

/**
 * The mapping for a CSV file, checked against its header once before any row is read:
 * with `--map`, the columns it needs that the file lacks are named, and a file that shares
 * no column with it is refused; without, the header must name lead facts
 * ("company.employees"), typed by the ruleset's catalog.
 */
export function mappingForHeader(
  header: readonly string[],
  options: {
    ruleset: Ruleset
    mapper: LeadMapper | undefined
    source: string
    warn: (message: string) => void
  },
): Mapping {
  const { mapper, source, warn } = options
  if (!mapper) {
    const { mapping, ignored } = mappingFromHeader(header, catalogFor(options.ruleset))
    if (Object.keys(mapping.facts).length === 0) {
      throw new CliError(
        `${source}: no column names a lead fact (such as "company.employees"); pass --map salesforce, --map hubspot or a mapping file`,
      )
    }
    if (ignored.length > 0) {
      warn(
        `columns that are not lead facts were ignored: ${ignored.join(', ')} (use --map to read them)`,
      )
    }
    return parseMapping(mapping)
  }
  const absent = mapper.absentColumns(header)
  if (absent.length === Object.keys(mapper.mapping.facts).length) {
    const shown = header.slice(0, 5).join(', ') + (header.length > 5 ? ', ...' : '')
    throw new CliError(
      `${source}: none of the mapping's columns are in the file's header (${shown}); is this the right file and mapping?`,
    )
  }
  for (const { fact, columns } of absent) {
    warn(
      `no column ${columns.map((column) => `"${column}"`).join(' or ')}: ${fact} is unknown for every lead`,
    )
  }
  return mapper.mapping
}

/** Why a JSON object cannot be a lead as it is, or undefined when it can. */
export function unusableLead(value: Record<string, unknown>): string | undefined {
  const id = value.id
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return 'the lead id must be text or a number'
  }
  return undefined
}
