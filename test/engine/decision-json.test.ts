import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  compileMapping,
  compileRuleset,
  mappingPresets,
  parseRuleset,
  personasSerializer,
  reasonsSerializer,
  ruleResultsSerializer,
  type PersonaMatch,
  type Reason,
} from '../../engine/index.ts'

const load = (file: string) => parseRuleset(JSON.parse(readFileSync(file, 'utf8')))

const xEducationDecisions = () => {
  const compiled = compileRuleset(load('rulesets/x-education.json'))
  const mapper = compileMapping(
    JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
  )
  const rows: Record<string, string>[] = parse(
    readFileSync('../shared/data/x-education-leads/leads.csv'),
    { columns: true },
  )
  return rows.map((row) => compiled.evaluate(mapper.map(row).lead, { trace: 'none' }))
}

describe('reasonsSerializer', () => {
  it('writes exactly JSON.stringify for the reasons of all 9,240 X Education decisions', () => {
    const reasonsJson = reasonsSerializer()
    const decisions = xEducationDecisions()
    const differing = decisions.filter(
      (decision) => reasonsJson(decision.reasons) !== JSON.stringify(decision.reasons),
    )
    expect([decisions.length, differing.length]).toEqual([9240, 0])
  })

  it('keeps points after the sentence and escapes quotes and line breaks in it', () => {
    const reasons: Reason[] = [
      {
        ruleId: 'title',
        ruleName: 'Title',
        owner: 'sales',
        kind: 'score',
        result: 'pass',
        effect: 'points',
        text: 'Job title is "VP"\nof sales',
        points: 20,
      },
      {
        ruleId: null,
        owner: null,
        kind: 'policy',
        result: 'fail',
        effect: 'nurture',
        text: 'Score 20 is below the 60 points needed to accept; lead sent to nurture',
      },
    ]
    const reasonsJson = reasonsSerializer()
    expect(reasonsJson(reasons)).toBe(JSON.stringify(reasons))
    // The second call uses the remembered frames.
    expect(reasonsJson([reasons[1]!, reasons[0]!])).toBe(JSON.stringify([reasons[1], reasons[0]]))
  })

  it('writes reasons of the same rule with other results, points or wording exactly', () => {
    const base = { ruleId: 'size', ruleName: 'Size', owner: 'sales', kind: 'score' } as const
    const reasons = [
      { ...base, result: 'pass', effect: 'points', text: '+10 points: "big"', points: 10 },
      { ...base, result: 'pass', effect: 'points', text: '+20 points: big\nreally', points: 20 },
      {
        ...base,
        result: 'fail',
        effect: 'points',
        text: 'back\\slash, tab\t, nul\u0000',
        points: 0,
      },
      {
        ...base,
        result: 'fail',
        effect: 'none',
        text: 'lone \ud800 and paired \ud83d\ude00, U+2028 \u2028',
      },
      { ...base, result: 'unknown', effect: 'nurture', text: 'Size unknown' },
      {
        ...base,
        ruleName: 'Company size',
        result: 'pass',
        effect: 'points',
        text: 'x',
        points: 10,
      },
      {
        ruleId: null,
        owner: null,
        kind: 'policy',
        result: 'fail',
        effect: 'nurture',
        text: 'Score 5',
      },
    ] as const
    const reasonsJson = reasonsSerializer()
    expect(reasonsJson(reasons)).toBe(JSON.stringify(reasons))
    expect(reasonsJson(reasons.slice().reverse())).toBe(JSON.stringify(reasons.slice().reverse()))
  })
})

describe('personasSerializer', () => {
  it('writes exactly JSON.stringify for b2b-inbound persona matches of the Salesforce sample', () => {
    const ruleset = load('rulesets/b2b-inbound.json')
    const compiled = compileRuleset({
      ...ruleset,
      policy: { ...ruleset.policy, personaMinMatch: 0 },
    })
    const mapper = compileMapping(mappingPresets.salesforce)
    const rows: Record<string, unknown>[] = JSON.parse(
      readFileSync('../shared/data/salesforce-sample-leads/Lead.json', 'utf8'),
    ).records
    const personasJson = personasSerializer()
    const all = rows.map((row) => compiled.evaluate(mapper.map(row).lead).personas)
    const listed = all.reduce((count, personas) => count + personas.length, 0)
    const differing = all.filter((personas) => personasJson(personas) !== JSON.stringify(personas))
    expect([listed, differing.length]).toEqual([rows.length * ruleset.personas.length, 0])
  })

  it('falls back to JSON.stringify for a match of another shape', () => {
    const odd = [{ id: 'p', name: 'P', match: 1, unknown: 0, matched: [], missing: [], note: 'x' }]
    expect(personasSerializer()(odd as PersonaMatch[])).toBe(JSON.stringify(odd))
  })
})

describe('ruleResultsSerializer', () => {
  it('writes the rules of every X Education decision as JSON.stringify does', () => {
    const compiled = compileRuleset(load('rulesets/x-education.json'))
    const mapper = compileMapping(
      JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
    )
    const rows: Record<string, string>[] = parse(
      readFileSync('../shared/data/x-education-leads/leads.csv'),
      { columns: true },
    )
    const rulesJson = ruleResultsSerializer()
    const differing = rows.filter((row) => {
      const evaluation = compiled.run(mapper.map(row).lead)
      const { rules } = compiled.explain(evaluation, { trace: 'none' })
      return `[${rulesJson(rules, evaluation.ruleCodes)}]` !== JSON.stringify(rules)
    })
    expect([rows.length, differing.length]).toEqual([9240, 0])
  })
})
