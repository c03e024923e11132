import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  catalogFor,
  catalogReader,
  compileRuleset,
  hasFieldType,
  isListRef,
  isMissing,
  operatorSpec,
  parseRuleset,
  type Condition,
  type Lead,
  type Result,
  type Ruleset,
} from '../../engine/index.ts'
import { damagedLeadArbitrary, rulesetArbitrary } from '../support/ruleset-arbitraries.ts'

/**
 * The compiled evaluator (grouped fact reads, one flat loop over all conditions) against
 * the rules written out plainly: read each fact with the catalog's reader, absent or of
 * the wrong type → unknown, the operator table's own test, and three-valued all/any/not.
 */
function plainResults(ruleset: Ruleset, lead: Lead): Map<string, Result> {
  const catalog = catalogFor(ruleset)
  const results = new Map<string, Result>()
  const visit = (condition: Condition, owner: string, path: string): Result => {
    let result: Result
    if ('all' in condition || 'any' in condition) {
      const gate = 'all' in condition ? 'all' : 'any'
      const members = 'all' in condition ? condition.all : condition.any
      const found = members.map((member, at) => visit(member, owner, `${path}.${gate}.${at}`))
      const decisive = gate === 'all' ? 'fail' : 'pass'
      result = found.includes(decisive)
        ? decisive
        : found.includes('unknown')
          ? 'unknown'
          : gate === 'all'
            ? 'pass'
            : 'fail'
    } else if ('not' in condition) {
      const inner = visit(condition.not, owner, `${path}.not`)
      result = inner === 'unknown' ? 'unknown' : inner === 'pass' ? 'fail' : 'pass'
    } else {
      const value = catalogReader(condition.fact, catalog)(lead)
      const type = catalog.get(condition.fact)?.type
      const present = !isMissing(value) && (type === undefined || hasFieldType(type, value))
      const expected = isListRef(condition.value)
        ? ruleset.lists[condition.value.list]
        : condition.value
      if (condition.operator === 'exists') result = present ? 'pass' : 'fail'
      else if (!present) result = 'unknown'
      else result = operatorSpec(condition.operator).test(value, expected) ? 'pass' : 'fail'
    }
    results.set(`${owner} ${path}`, result)
    return result
  }
  for (const rule of ruleset.rules) {
    if (rule.enabled !== false) visit(rule.when, rule.id, 'when')
  }
  return results
}

describe('the compiled evaluator', () => {
  it('gives every condition the result of the plain three-valued reading', () => {
    fc.assert(
      fc.property(
        rulesetArbitrary,
        fc.array(damagedLeadArbitrary, { minLength: 5, maxLength: 5 }),
        (input, leads) => {
          const ruleset = parseRuleset(input)
          const compiled = compileRuleset(ruleset)
          for (const lead of leads) {
            const trace = compiled.evaluate(lead, { trace: 'full' }).trace
            const found = new Map(
              trace.map((entry) => [`${entry.ruleId} ${entry.path}`, entry.result]),
            )
            expect(found).toEqual(plainResults(ruleset, lead))
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
