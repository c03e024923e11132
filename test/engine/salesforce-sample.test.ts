import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileMapping, compileRuleset, mappingPresets, parseRuleset } from '../../engine/index.ts'

const compiled = compileRuleset(
  parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8'))),
)
const mapper = compileMapping(mappingPresets.salesforce)
const records: Record<string, unknown>[] = JSON.parse(
  readFileSync('../shared/data/salesforce-sample-leads/Lead.json', 'utf8'),
).records
const decisions = records.map((record) =>
  compiled.evaluate(mapper.map(record).lead, { trace: 'none', now: new Date(0) }),
)
const decisionOf = (id: string) => decisions.find((decision) => decision.leadId === id)!

describe('Salesforce sample leads through the salesforce preset and b2b-inbound', () => {
  it('pins the outcome counts', () => {
    const counts: Record<string, number> = {}
    for (const { outcome } of decisions) counts[outcome] = (counts[outcome] ?? 0) + 1
    expect(counts).toEqual({ nurture: 20, rejected: 2 })
  })

  it('rejects the Taiwanese lead for its region and still lists what else is missing', () => {
    const decision = decisionOf('LeadRef11')
    expect(decision.outcome).toBe('rejected')
    expect(decision.reasons.map((reason) => [reason.ruleId, reason.effect])).toEqual([
      ['served-region', 'rejected'],
      ['min-employees', 'nurture'],
      ['budget-known', 'nurture'],
      ['decision-title', 'points'],
      ['many-locations', 'points'],
    ])
    expect(decision.reasons[0]!.text).toBe(
      'Region is Asia Pacific; one of North America or EMEA required (sales: we have account executives and support only in North America and EMEA)',
    )
  })

  it('nurtures the 9,000-employee apparel maker only because its budget is unknown', () => {
    const decision = decisionOf('LeadRef19')
    expect(decision.outcome).toBe('nurture')
    expect(decision.score).toBe(45)
    expect(decision.reasons.filter((reason) => reason.effect === 'nurture')).toHaveLength(1)
    expect(decision.reasons[0]!.text).toBe(
      'Budget unknown, lead sent to nurture until it is known (sales: the smallest package costs $10,000 a year)',
    )
    expect(decision.personas.map((persona) => [persona.id, persona.match])).toEqual([
      ['productivity-exec', 1],
      ['change-director', 0.75],
    ])
  })

  it('gives a regional general manager no title points', () => {
    const decision = decisionOf('LeadRef20')
    expect(decision.score).toBe(10)
    expect(decision.rules.find((rule) => rule.ruleId === 'decision-title')!.result).toBe('fail')
  })
})
