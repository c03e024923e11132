import fc from 'fast-check'
import { Engine } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import { compileRuleset, exportJre, parseRuleset } from '../../engine/index.ts'
import { registerLeadOperators } from '../support/jre-lead-operators.ts'
import { jreVerdict } from '../support/jre-verdict.ts'
import { completeLeadArbitrary, rulesetArbitrary } from '../support/ruleset-arbitraries.ts'

/**
 * leadgate against json-rules-engine, the reference: for generated rulesets (all ten JRE
 * operators, the lead operators through registered custom operators, nested all/any/not,
 * lists) and leads that carry every fact, each rule passes in leadgate exactly when JRE
 * fires its event, and the outcome and score agree. 1,000 rulesets × 10 leads.
 */
const RULESETS = 1_000
const LEADS_PER_RULESET = 10

describe('leadgate decides like json-rules-engine on the exported rules', () => {
  it(`agrees on every rule, score and outcome for ${RULESETS * LEADS_PER_RULESET} leads`, async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(
        rulesetArbitrary,
        fc.array(completeLeadArbitrary, {
          minLength: LEADS_PER_RULESET,
          maxLength: LEADS_PER_RULESET,
        }),
        async (input, leads) => {
          const ruleset = parseRuleset(input)
          const compiled = compileRuleset(ruleset)
          const engine = registerLeadOperators(new Engine(exportJre(ruleset).rules))
          for (const lead of leads) {
            const ours = compiled.evaluate(lead, { trace: 'full' })
            const theirs = jreVerdict(await engine.run(lead), ruleset.policy)
            const passed = Object.fromEntries(
              ours.rules.map((rule) => [rule.ruleId, rule.result === 'pass']),
            )
            expect(passed).toEqual(theirs.fired)
            expect(ours.score).toBe(theirs.score)
            expect(ours.outcome).toBe(theirs.outcome)
            compared++
          }
        },
      ),
      { numRuns: RULESETS },
    )
    expect(compared).toBe(RULESETS * LEADS_PER_RULESET)
  })
})
