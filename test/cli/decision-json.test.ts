import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { compileMapping, compileRuleset, parseRuleset, type Decision } from '../../engine/index.ts'
import { decisionSerializer } from '../../cli/evaluate/decision-json.ts'

const load = (file: string) => parseRuleset(JSON.parse(readFileSync(file, 'utf8')))

describe('decision serializer', () => {
  it('writes exactly JSON.stringify for every X Education decision, traced or not', () => {
    const ruleset = load('rulesets/x-education.json')
    const compiled = compileRuleset(ruleset)
    const toJson = decisionSerializer(ruleset)
    const mapper = compileMapping(
      JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
    )
    const rows: Record<string, string>[] = parse(
      readFileSync('../shared/data/x-education-leads/leads.csv'),
      {
        columns: true,
      },
    )
    let differing = 0
    rows.forEach((row, at) => {
      const decision = compiled.evaluate(mapper.map(row).lead, {
        trace: at % 10 === 0 ? 'full' : 'none',
      })
      if (toJson(decision) !== JSON.stringify(decision)) differing++
    })
    expect(differing).toBe(0)
  })

  it('falls back to JSON.stringify for a decision of another shape', () => {
    const ruleset = load('rulesets/b2b-inbound.json')
    const decision = compileRuleset(ruleset).evaluate({ id: 'L1' })
    const tagged = { decisionId: 'd-1', ...decision } as Decision
    const edited = { ...decision, rules: decision.rules.map((rule) => ({ ...rule, points: 99 })) }
    expect(decisionSerializer(ruleset)(tagged)).toBe(JSON.stringify(tagged))
    expect(decisionSerializer(ruleset)(edited)).toBe(JSON.stringify(edited))
  })
})
