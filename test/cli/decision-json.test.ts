import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  compileMapping,
  compileRuleset,
  mappingPresets,
  parseRuleset,
  type ConversionProblem,
  type Decision,
  type Lead,
  type TraceMode,
} from '../../engine/index.ts'
import { decisionWriter } from '../../cli/evaluate/decision-json.ts'
import { OutputBytes } from '../../cli/evaluate/output-bytes.ts'

const load = (file: string) => parseRuleset(JSON.parse(readFileSync(file, 'utf8')))

/** The line the writer writes for a decision, as text. */
function lineOf(
  write: ReturnType<typeof decisionWriter>,
  decision: Decision,
  codes: Uint8Array,
  problems: ConversionProblem[] = [],
): string {
  const out = new OutputBytes(16)
  write(decision, codes, problems, out)
  return out.take().toString('utf8')
}

/** Leads whose decisions the writer wrote otherwise than JSON.stringify. */
function differing(rulesetFile: string, leads: Lead[], traceOf: (at: number) => TraceMode) {
  const ruleset = load(rulesetFile)
  const compiled = compileRuleset(ruleset)
  const write = decisionWriter(ruleset)
  return leads.filter((lead, at) => {
    const evaluation = compiled.run(lead)
    const decision = compiled.explain(evaluation, { trace: traceOf(at) })
    return lineOf(write, decision, evaluation.ruleCodes) !== `${JSON.stringify(decision)}\n`
  }).length
}

describe('decision writer', () => {
  it('writes exactly JSON.stringify for every X Education decision, traced or not', () => {
    const mapper = compileMapping(
      JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
    )
    const rows: Record<string, string>[] = parse(
      readFileSync('../shared/data/x-education-leads/leads.csv'),
      { columns: true },
    )
    const leads = rows.map((row) => mapper.map(row).lead)
    const traces: TraceMode[] = ['full', 'failing', 'none', 'none', 'none']
    expect([
      leads.length,
      differing('rulesets/x-education.json', leads, (at) => traces[at % 5]!),
    ]).toEqual([9240, 0])
  })

  it('writes exactly JSON.stringify for b2b-inbound decisions of the Salesforce sample', () => {
    const mapper = compileMapping(mappingPresets.salesforce)
    const rows: Record<string, unknown>[] = JSON.parse(
      readFileSync('../shared/data/salesforce-sample-leads/Lead.json', 'utf8'),
    ).records
    const leads = rows.map((row) => mapper.map(row).lead)
    // Twice over: the second pass is written from what the first remembered.
    const twice = [...leads, ...leads]
    expect(differing('rulesets/b2b-inbound.json', twice, () => 'none')).toBe(0)
  })

  it('writes the ruleset of a decision made by another version as it is', () => {
    const ruleset = load('rulesets/b2b-inbound.json')
    const compiled = compileRuleset(ruleset)
    const evaluation = compiled.run({ id: 'L1', company: { employees: 1200 } })
    const decision = compiled.explain(evaluation, { now: new Date('2026-11-02T10:00:00Z') })
    const other = { ...decision, ruleset: { id: 'b2b-inbound', version: ruleset.version + 1 } }
    const write = decisionWriter(ruleset)
    expect(lineOf(write, other, evaluation.ruleCodes)).toBe(`${JSON.stringify(other)}\n`)
    expect(lineOf(write, decision, evaluation.ruleCodes)).toBe(`${JSON.stringify(decision)}\n`)
  })

  it('adds the conversion problems last, and writes text outside ASCII as UTF-8', () => {
    const ruleset = load('rulesets/b2b-inbound.json')
    const compiled = compileRuleset(ruleset)
    const write = decisionWriter(ruleset)
    const lead = { id: 'Zoë-€1', contact: { title: 'Directrice générale' } }
    const evaluation = compiled.run(lead)
    const decision = compiled.explain(evaluation, { now: new Date('2026-11-02T10:00:00Z') })
    const problems: ConversionProblem[] = [
      { column: 'Employees', fact: 'company.employees', value: 'lots', message: 'not a number' },
    ]
    const line = lineOf(write, decision, evaluation.ruleCodes, problems)
    expect(line).toBe(`${JSON.stringify({ ...decision, problems })}\n`)
    expect(line.startsWith('{"leadId":"Zoë-€1","ruleset":{"id":"b2b-inbound","version":')).toBe(
      true,
    )
  })
})
