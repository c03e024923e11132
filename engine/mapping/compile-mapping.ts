import { mapperFor, type LeadMapper } from './mapper.ts'
import type { Mapping, MappingInput } from './schema.ts'
import { parseMapping } from './validate-mapping.ts'

export type { ConversionProblem, LeadMapper, MappedLead, SourceRow } from './mapper.ts'

/**
 * Compiles a mapping (validated here) into a mapper from source rows to leads. Facts are
 * nested by their dotted path; a value that cannot be converted leaves its fact missing
 * (unknown to the rules, never 0 or false) and is reported with its column.
 *
 * @example
 * const mapper = compileMapping({ id: 'Id', facts: { 'company.employees': { column: 'Employees', type: 'number' } } })
 * mapper.map({ Id: '7', Employees: '1,200' }).lead // { id: '7', company: { employees: 1200 } }
 * mapper.map({ Id: '8', Employees: 'lots' }).problems[0].message // '"lots" is not a number'
 */
export function compileMapping(input: MappingInput | Mapping): LeadMapper {
  return mapperFor(parseMapping(input))
}
