import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset } from '../../engine/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const compiled = compileRuleset(b2b)

describe('b2b-inbound saved test leads', () => {
  for (const test of b2b.testLeads) {
    it(`${test.name} → ${test.expected}`, () => {
      expect(compiled.evaluate(test.lead).outcome).toBe(test.expected)
    })
  }

  it('explains a small company in the words of the owning side', () => {
    const decision = compiled.evaluate({
      id: 'L1',
      company: { employees: 12, country: 'US' },
      bant: { budget: 20000 },
    })
    expect(decision.outcome).toBe('rejected')
    expect(decision.reasons[0]).toEqual({
      ruleId: 'min-employees',
      ruleName: 'At least 50 employees',
      owner: 'sales',
      kind: 'require',
      result: 'fail',
      effect: 'rejected',
      text: 'Company has 12 employees; at least 50 required (sales: below 50 seats the deal is under our minimum contract value)',
    })
  })

  it('never mutates the lead', () => {
    const lead = { id: 'L2', contact: { title: 'VP Sales' }, company: { employees: 300 } }
    const before = JSON.stringify(lead)
    compiled.evaluate(lead)
    expect(JSON.stringify(lead)).toBe(before)
  })
})
