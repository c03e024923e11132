import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset, type TraceMode } from '../../engine/index.ts'
import { decideLead } from '../../server/evaluation/decide.ts'
import { prepareVersion } from '../../server/evaluation/evaluator-cache.ts'
import { expandRecordJson } from '../../server/evaluation/full-trace-log.ts'
import { repoRoot } from './harness.ts'

const ruleset = parseRuleset(
  JSON.parse(readFileSync(join(repoRoot, 'rulesets/b2b-inbound.json'), 'utf8')),
)
const compiled = compileRuleset(ruleset)
const version = prepareVersion(compiled, 'published', 'abc')
const now = new Date('2026-03-01T12:00:00.000Z')
const source = { kind: 'key' as const, id: 'key_000000000000' }
const modes: TraceMode[] = ['failing', 'full', 'none']

describe('decideLead', () => {
  for (const { name, lead } of ruleset.testLeads) {
    for (const trace of modes) {
      it(`answers exactly the engine's decision for "${name}" with trace ${trace}`, () => {
        const { decisionId, responseJson } = decideLead(version, lead, { trace, source, now })
        expect(JSON.parse(responseJson)).toEqual({
          decisionId,
          ...compiled.evaluate(lead, { trace, now }),
        })
      })
    }

    it(`logs the full trace, the lead and the source for "${name}"`, async () => {
      const { decisionId, entry } = decideLead(version, lead, { trace: 'none', source, now })
      const full = compiled.evaluate(lead, { trace: 'full', now })
      // A published version's trace is stored compactly; reading joins it with the version.
      const read = await expandRecordJson(entry.json, () => ({
        nodes: compiled.nodes,
        contentHash: 'abc',
      }))
      expect(JSON.parse(read)).toEqual({
        decisionId,
        ...full,
        lead,
        rulesetHash: 'abc',
        source,
      })
      expect([entry.outcome, entry.score, entry.leadId]).toEqual([
        full.outcome,
        full.score,
        lead.id,
      ])
    })
  }

  it('keeps key order: decisionId first, evaluatedAt after the trace', () => {
    const { responseJson } = decideLead(version, ruleset.testLeads[0]!.lead, {
      trace: 'none',
      source,
      now,
    })
    expect(Object.keys(JSON.parse(responseJson) as object)).toEqual([
      'decisionId',
      'leadId',
      'ruleset',
      'outcome',
      'score',
      'reasons',
      'rules',
      'personas',
      'trace',
      'evaluatedAt',
    ])
  })

  it('answers exactly the engine decision for a lead with values of the wrong type', () => {
    const lead = { id: 'odd', company: { employees: '50', country: 7 }, contact: { title: ['x'] } }
    for (const trace of modes) {
      const { decisionId, responseJson } = decideLead(version, lead, { trace, source, now })
      expect(JSON.parse(responseJson)).toEqual({
        decisionId,
        ...compiled.evaluate(lead, { trace, now }),
      })
    }
  })

  it('writes a lead without an id as leadId null', () => {
    const { responseJson } = decideLead(
      version,
      { company: { employees: 5 } },
      { trace: 'none', source, now },
    )
    expect((JSON.parse(responseJson) as { leadId: unknown }).leadId).toBeNull()
  })
})
