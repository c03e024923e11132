import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  compileMapping,
  compileRuleset,
  ConversionTally,
  parseRuleset,
  type Decision,
} from '../../engine/index.ts'

const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/x-education.json', 'utf8')))
const compiled = compileRuleset(ruleset)
const mapper = compileMapping(JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')))
const rows: Record<string, string>[] = parse(
  readFileSync('../shared/data/x-education-leads/leads.csv'),
  { columns: true, bom: true },
)

const tally = new ConversionTally()
const decisions = rows.map((row): [Decision, string] => {
  const { lead, problems } = mapper.map(row)
  tally.add(problems)
  return [compiled.evaluate(lead, { trace: 'full', now: new Date(0) }), row.Converted!]
})
const countBy = (pick: (entry: [Decision, string]) => string, entries = decisions) =>
  entries.reduce<Record<string, number>>((counts, entry) => {
    const key = pick(entry)
    counts[key] = (counts[key] ?? 0) + 1
    return counts
  }, {})

describe('x-education ruleset', () => {
  for (const test of ruleset.testLeads) {
    it(`decides the saved test lead "${test.name}" as ${test.expected}`, () => {
      expect(compiled.evaluate(test.lead).outcome).toBe(test.expected)
    })
  }

  it('decides all 9,240 leads of the export', () => {
    expect(decisions).toHaveLength(9240)
    expect(new Set(decisions.map(([decision]) => decision.leadId)).size).toBe(9240)
  })

  it('pins the outcome counts', () => {
    expect(countBy(([decision]) => decision.outcome)).toEqual({
      accepted: 1704,
      nurture: 4769,
      rejected: 2767,
    })
  })

  it('accepts far more of the leads that converted than of those that did not', () => {
    expect(
      countBy(([decision, converted]) => `${decision.outcome} converted=${converted}`),
    ).toEqual({
      'accepted converted=1': 1591,
      'nurture converted=1': 1590,
      'rejected converted=1': 380,
      'accepted converted=0': 113,
      'nurture converted=0': 3179,
      'rejected converted=0': 2387,
    })
  })

  it('reports the countries it could not read, per column', () => {
    expect(tally.rows).toBe(7)
    expect(tally.byColumn()).toEqual([
      {
        column: 'Country',
        fact: 'contact.country',
        count: 7,
        examples: ['Asia/Pacific Region', 'unknown'],
      },
    ])
  })

  it('treats "Select" as not given', () => {
    const row = rows.find(
      (candidate) => candidate['Prospect ID'] === '7927b2df-8bba-4d29-b9a2-b6e0beafe620',
    )!
    const { lead } = mapper.map(row)
    // Specialization, heard-from, profile and city are all "Select" in this row.
    expect(lead.education).toEqual({
      occupation: 'unemployed',
      goal: 'career',
      wantsInterviewGuide: false,
    })
    expect(lead.contact).toEqual({ doNotEmail: false, doNotCall: false })
  })

  it('gives every decision a reason and traces every condition', () => {
    const conditions = compiled.nodes.length
    expect(decisions.every(([decision]) => decision.reasons.length > 0)).toBe(true)
    expect(decisions.every(([decision]) => decision.trace.length === conditions)).toBe(true)
  })
})
