import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset, type Ruleset } from '../../engine/index.ts'
import { replaySummary } from '../../editor/audit/replay-changes.ts'
import { diffRulesets } from '../../editor/model/index.ts'

const v1 = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const v2: Ruleset = {
  ...v1,
  version: 2,
  rules: v1.rules.map((rule) =>
    rule.id === 'min-employees'
      ? {
          ...rule,
          name: 'At least 20 employees',
          when: {
            all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 20 }],
          },
        }
      : rule,
  ),
}
const smallButKeen = {
  id: 'E2E-REJ-1',
  contact: { title: 'Director of Operations', email: 'dana@acme.com' },
  company: { employees: 30, country: 'US', industry: 'finance' },
  bant: { budget: 50000, authority: 'decision-maker', need: 'confirmed', timelineMonths: 3 },
  technology: { installed: ['salesforce'] },
}
const stored = compileRuleset(v1).evaluate(smallButKeen, { trace: 'full' })
const replayed = compileRuleset(v2).evaluate(smallButKeen, { trace: 'full' })
const summary = replaySummary(stored, replayed, diffRulesets(v1, v2).changes)

describe('replaySummary', () => {
  it('names the outcome move and the rule that made it in one sentence', () => {
    expect(summary.headline).toBe(
      'Rejected on v1, accepted on v2: "At least 20 employees" now passes.',
    )
  })

  it('reports the outcome and score before and after', () => {
    expect(summary.outcome).toEqual({ before: 'rejected', after: 'accepted' })
    expect(summary.score).toBeNull()
    expect([stored.score, replayed.score]).toEqual([75, 75])
  })

  it('explains a changed rule with what the new version changed in it', () => {
    expect(summary.rules).toEqual([
      {
        ruleId: 'min-employees',
        name: 'At least 20 employees',
        before: 'fail',
        after: 'pass',
        why: 'Changed in v2: Name: At least 50 employees → At least 20 employees; Condition: Employees is at least 50 → Employees is at least 20.',
        gating: true,
      },
    ])
  })

  it('lists the reasons that disappeared and the ones that appeared', () => {
    expect(summary.reasonsRemoved.map((reason) => reason.ruleId)).toEqual(['min-employees'])
    expect(summary.reasonsAdded.map((reason) => [reason.kind, reason.effect])).toEqual([
      ['policy', 'none'],
    ])
  })

  it('says the outcome stayed when replayed on the same version', () => {
    const same = replaySummary(stored, stored, [])
    expect(same.headline).toBe('Same outcome on v1: rejected.')
    expect(same.rules).toEqual([])
    expect(same.reasonsAdded).toEqual([])
  })

  it('says when a rule is new in the replayed version', () => {
    const v3: Ruleset = {
      ...v1,
      version: 3,
      rules: [
        ...v1.rules,
        {
          id: 'finance-only',
          name: 'Finance only',
          owner: 'sales',
          kind: 'require',
          when: { all: [{ fact: 'company.industry', operator: 'equal', value: 'healthcare' }] },
        },
      ],
    }
    const after = compileRuleset(v3).evaluate(smallButKeen, { trace: 'full' })
    const added = replaySummary(stored, after, diffRulesets(v1, v3).changes)
    expect(
      added.rules.map(({ ruleId, before, after, why }) => ({ ruleId, before, after, why })),
    ).toEqual([{ ruleId: 'finance-only', before: null, after: 'fail', why: 'Added in v3.' }])
    expect(added.headline).toBe('Same outcome on v3: rejected.')
  })
})
