import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset, type Lead } from '../../engine/index.ts'
import { focusNodes } from '../../editor/audit/trace-focus.ts'
import { rulesetToGraph } from '../../editor/model/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const graph = rulesetToGraph(b2b, { layout: 'none' })
const decide = (lead: Lead) => compileRuleset(b2b).evaluate(lead, { trace: 'full' })

describe('focusNodes', () => {
  it('opens a rejected lead on the rule that rejected it and what feeds it', () => {
    const decision = decide({
      company: { employees: 30, country: 'US' },
      bant: { budget: 50000 },
    })
    expect(focusNodes(decision.rules, graph.edges).sort()).toEqual([
      'rule:min-employees',
      'rule:min-employees/when',
      'rule:min-employees/when.all.0',
    ])
  })

  it('includes every rule that rejected or nurtured the lead', () => {
    const decision = decide({ company: { employees: 30 } })
    const roots = focusNodes(decision.rules, graph.edges).filter((id) => !id.includes('/'))
    expect(roots.sort()).toEqual(['rule:budget-known', 'rule:min-employees', 'rule:served-region'])
  })

  it('has nothing to focus on for an accepted lead', () => {
    expect(focusNodes([{ ruleId: 'authority', effect: 'points' }], graph.edges)).toEqual([])
  })
})
