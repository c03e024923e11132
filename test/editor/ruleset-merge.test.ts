import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset, type Ruleset } from '../../engine/index.ts'
import { mergeRulesets } from '../../editor/model/index.ts'

const base = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const edit = (change: (copy: Ruleset) => void): Ruleset => {
  const copy = structuredClone(base)
  change(copy)
  return copy
}

describe('mergeRulesets', () => {
  it('takes edits to different rules from both sides', () => {
    const mine = edit((r) => (r.rules[2]!.rationale = 'Mine'))
    const theirs = edit((r) => (r.rules[3]!.rationale = 'Theirs'))
    const { merged, conflicts } = mergeRulesets(base, mine, theirs)
    expect(conflicts).toEqual([])
    expect(merged.rules[2]!.rationale).toBe('Mine')
    expect(merged.rules[3]!.rationale).toBe('Theirs')
  })

  it('keeps mine where both changed one rule and names the conflict', () => {
    const mine = edit((r) => (r.rules[2]!.rationale = 'Mine'))
    const theirs = edit((r) => (r.rules[2]!.rationale = 'Theirs'))
    const { merged, conflicts } = mergeRulesets(base, mine, theirs)
    expect(conflicts).toEqual(['rule "At least 50 employees"'])
    expect(merged.rules[2]!.rationale).toBe('Mine')
  })

  it('keeps a rule they added and drops one I deleted', () => {
    const mine = edit((r) => (r.rules = r.rules.filter((rule) => rule.id !== 'need')))
    const theirs = edit((r) =>
      r.rules.push({
        id: 'no-dnc',
        name: 'Can be called',
        owner: 'sales',
        kind: 'disqualify',
        when: { fact: 'contact.doNotCall', operator: 'equal', value: true },
      }),
    )
    const { merged, conflicts } = mergeRulesets(base, mine, theirs)
    expect(conflicts).toEqual([])
    expect(merged.rules.map((rule) => rule.id)).toEqual([
      ...base.rules.map((rule) => rule.id).filter((id) => id !== 'need'),
      'no-dnc',
    ])
  })

  it('merges threshold edits made only on one side', () => {
    const theirs = edit((r) => (r.policy.acceptAt = 70))
    expect(mergeRulesets(base, base, theirs).merged.policy.acceptAt).toBe(70)
  })
})
