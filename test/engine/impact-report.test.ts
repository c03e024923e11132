import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  compileMapping,
  compileRuleset,
  flipCause,
  ImpactReport,
  parseRuleset,
  type RuleEffect,
} from '../../engine/index.ts'

const effects = (entries: Record<string, [RuleEffect['effect'], number?]>) =>
  new Map(Object.entries(entries).map(([id, [effect, points = 0]]) => [id, { effect, points }]))

describe('flip cause', () => {
  it('blames a rule that newly rejects', () => {
    expect(
      flipCause(
        'accepted',
        'rejected',
        effects({ size: ['none'], title: ['points', 20] }),
        effects({ size: ['rejected'], title: ['points', 20] }),
      ),
    ).toBe('size')
  })

  it('blames a lifted nurture for a lead that is now accepted', () => {
    expect(
      flipCause(
        'nurture',
        'accepted',
        effects({ budget: ['nurture'] }),
        effects({ budget: ['none'] }),
      ),
    ).toBe('budget')
  })

  it('blames the largest change in points in the direction of the flip', () => {
    expect(
      flipCause(
        'accepted',
        'nurture',
        effects({ a: ['points', 10], b: ['points', 20] }),
        effects({ a: ['points', 5], b: ['none'] }),
      ),
    ).toBe('b')
  })

  it('blames the policy when no rule changed', () => {
    expect(
      flipCause(
        'accepted',
        'nurture',
        effects({ a: ['points', 10] }),
        effects({ a: ['points', 10] }),
      ),
    ).toBe('policy')
  })
})

describe('impact report', () => {
  const baseline = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
  const draftJson = JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8'))
  draftJson.rules.find((rule: { id: string }) => rule.id === 'min-employees').when.all[0].value =
    200
  const draft = parseRuleset(draftJson)
  const leads = baseline.testLeads.map((test) => test.lead)

  it('counts outcomes before and after and the flips with their rule', () => {
    const report = new ImpactReport(compileRuleset(draft), compileRuleset(baseline), [
      'company.industry',
    ])
    for (const lead of leads) report.add(lead)
    report.add({ id: 'X', company: { employees: 120, country: 'US', industry: 'finance' } })
    const result = report.result()
    expect(result.before).toEqual({ accepted: 1, nurture: 2, rejected: 2 })
    expect(result.after).toEqual({ accepted: 1, nurture: 1, rejected: 3 })
    expect(result.flips).toEqual([
      {
        from: 'nurture',
        to: 'rejected',
        count: 1,
        causes: [{ ruleId: 'min-employees', count: 1 }],
      },
    ])
    expect(result.examples).toEqual([
      { leadId: 'X', from: 'nurture', to: 'rejected', ruleId: 'min-employees' },
    ])
    expect(result.segments.find((segment) => segment.value === 'finance')).toEqual({
      by: 'company.industry',
      value: 'finance',
      before: { accepted: 0, nurture: 1, rejected: 0 },
      after: { accepted: 0, nurture: 0, rejected: 1 },
    })
  })
})

describe('impact reports over parts of the leads', () => {
  it('add up, by absorbing snapshots, to the report over all the leads (X Education, 9,240 leads)', () => {
    const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/x-education.json', 'utf8')))
    const mapper = compileMapping(
      JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
    )
    const rows: Record<string, string>[] = parse(
      readFileSync('../shared/data/x-education-leads/leads.csv'),
      { columns: true },
    )
    const leads = rows.map((row) => mapper.map(row).lead)
    const baseline = compileRuleset(ruleset)
    const draft = compileRuleset({ ...ruleset, policy: { ...ruleset.policy, acceptAt: 30 } })
    const whole = new ImpactReport(draft, draft, undefined, 25)
    const parts = [0, 1, 2].map(() => new ImpactReport(draft, draft, undefined, 25))
    leads.forEach((lead, order) => {
      const outcome = baseline.run(lead).outcome
      whole.addDecided(lead, { outcome, baseline, decisionId: `d-${order}`, order })
      // Three threads would take interleaved batches of 100.
      parts[Math.floor(order / 100) % 3]!.addDecided(lead, {
        outcome,
        baseline,
        decisionId: `d-${order}`,
        order,
      })
    })
    const merged = new ImpactReport(draft, draft, undefined, 25)
    for (const part of parts) merged.absorb(structuredClone(part.snapshot()))
    const expected = whole.result()
    expect(expected.flips.length).toBeGreaterThan(0)
    expect(expected.examples).toHaveLength(25)
    expect(merged.result()).toEqual(expected)
  })
})
