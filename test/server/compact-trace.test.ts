import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset, type Lead } from '../../engine/index.ts'
import {
  compactTraceJson,
  expandTrace,
  TraceDecodeError,
  type CompactTrace,
} from '../../server/evaluation/compact-trace.ts'
import { decideLead } from '../../server/evaluation/decide.ts'
import { prepareVersion, type CompiledVersion } from '../../server/evaluation/evaluator-cache.ts'
import { expandRecordJson } from '../../server/evaluation/full-trace-log.ts'
import { repoRoot } from './harness.ts'

const ruleset = parseRuleset(
  JSON.parse(readFileSync(join(repoRoot, 'rulesets/b2b-inbound.json'), 'utf8')),
)
const compiled = compileRuleset(ruleset)
const versionWith = (status: CompiledVersion['status']) =>
  prepareVersion(compiled, status, 'hash-1')
const published = versionWith('published')
const draft = versionWith('draft')
const traceSource = { nodes: compiled.nodes, contentHash: 'hash-1' }
const now = new Date('2026-03-01T12:00:00.000Z')
const source = { kind: 'key' as const, id: 'key_000000000000' }
const facts = [...new Set(compiled.nodes.flatMap((node) => (node.fact ? [node.fact] : [])))]

/** Sets a dotted path on a plain object, creating the objects on the way. */
function withFact(lead: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let into = lead
  for (const key of keys.slice(0, -1)) {
    if (typeof into[key] !== 'object' || into[key] === null) into[key] = {}
    into = into[key] as Record<string, unknown>
  }
  into[keys.at(-1)!] = value
  return lead
}

/** The record as stored, read back with its full trace. */
async function readBack(json: string): Promise<unknown> {
  return JSON.parse(await expandRecordJson(json, () => traceSource))
}

function expectedRecord(decisionId: string, lead: Lead) {
  return {
    decisionId,
    ...compiled.evaluate(lead, { trace: 'full', now }),
    lead,
    rulesetHash: 'hash-1',
    source,
  }
}

describe('compact trace in the decision log', () => {
  for (const { name, lead } of ruleset.testLeads) {
    it(`reads back the full decision of "${name}" from its compact record`, async () => {
      const { decisionId, entry } = decideLead(published, lead, { trace: 'none', source, now })
      expect(await readBack(entry.json)).toEqual(expectedRecord(decisionId, lead))
    })
  }

  it('reads back the very text a record with the trace as entries has', async () => {
    for (const { lead } of ruleset.testLeads) {
      const compact = decideLead(published, lead, { trace: 'failing', source, now })
      const entries = decideLead(draft, lead, { trace: 'failing', source, now })
      const expanded = await expandRecordJson(compact.entry.json, () => traceSource)
      expect(expanded).toBe(entries.entry.json.replace(entries.decisionId, compact.decisionId))
    }
  })

  it('keeps values of the wrong type exactly, as the engine traced them', async () => {
    const lead = {
      id: 'odd',
      company: { employees: '50', country: 7, industry: { name: 'x' } },
      contact: { title: ['VP'], email: 12 },
      technology: { installed: 'salesforce' },
      bant: { budget: null },
    }
    const { decisionId, entry } = decideLead(published, lead, { trace: 'none', source, now })
    expect((JSON.parse(entry.json) as { trace: CompactTrace }).trace.encoding).toBe(
      'results-facts/1',
    )
    expect(await readBack(entry.json)).toEqual(expectedRecord(decisionId, lead))
  })

  it('reads back any lead exactly, whatever its facts hold (property)', async () => {
    const leadArbitrary = fc
      .array(fc.tuple(fc.constantFrom(...facts), fc.jsonValue({ maxDepth: 2 })), {
        maxLength: facts.length,
      })
      .map((pairs) => {
        const lead = pairs.reduce((into, [path, value]) => withFact(into, path, value), {
          id: 'P-1',
        } as Record<string, unknown>)
        // Leads arrive as JSON: -0 and the like are what JSON makes of them.
        return JSON.parse(JSON.stringify(lead)) as Lead
      })
    await fc.assert(
      fc.asyncProperty(leadArbitrary, async (lead) => {
        const { decisionId, entry } = decideLead(published, lead, { trace: 'none', source, now })
        expect(await readBack(entry.json)).toEqual(expectedRecord(decisionId, lead))
      }),
      { numRuns: 300 },
    )
  })

  it('logs the trace as entries for a version that may still change (draft)', () => {
    const { entry } = decideLead(draft, ruleset.testLeads[0]!.lead, { trace: 'none', source, now })
    const stored = JSON.parse(entry.json) as { trace: unknown[] }
    expect(stored.trace).toEqual(
      compiled.evaluate(ruleset.testLeads[0]!.lead, { trace: 'full', now }).trace,
    )
  })

  it('stores a record in about half the bytes', () => {
    const lead = ruleset.testLeads[0]!.lead
    const compact = decideLead(published, lead, { trace: 'none', source, now }).entry.json
    const entries = decideLead(draft, lead, { trace: 'none', source, now }).entry.json
    expect(compact.length).toBeLessThan(entries.length * 0.6)
  })

  it('answers a record with the trace as entries (older records) as it is', async () => {
    const { entry } = decideLead(draft, ruleset.testLeads[1]!.lead, { trace: 'none', source, now })
    let asked = 0
    const read = await expandRecordJson(entry.json, () => {
      asked++
      return traceSource
    })
    expect(read).toBe(entry.json)
    expect(asked).toBe(0)
  })

  it('refuses to read a record against a version whose content differs', async () => {
    const { entry } = decideLead(published, ruleset.testLeads[0]!.lead, {
      trace: 'none',
      source,
      now,
    })
    await expect(
      expandRecordJson(entry.json, () => ({ nodes: compiled.nodes, contentHash: 'other' })),
    ).rejects.toThrow(TraceDecodeError)
  })

  it('refuses a compact trace whose result count does not match the version', () => {
    const compact: CompactTrace = { encoding: 'results-facts/1', results: '012', facts: {} }
    expect(() => expandTrace(compact, compiled.nodes)).toThrow(
      `the stored trace has 3 results, the version has ${compiled.nodes.length} conditions`,
    )
  })

  it('refuses a compact trace with a result digit other than 0, 1 or 2', () => {
    const results = '1'.repeat(compiled.nodes.length - 1) + '7'
    expect(() =>
      expandTrace({ encoding: 'results-facts/1', results, facts: {} }, compiled.nodes),
    ).toThrow(`the stored trace has "7" as result ${compiled.nodes.length - 1}`)
  })

  it('falls back to entries when conditions on one fact saw different values', () => {
    const trace = [
      { ruleId: 'a', path: 'when', fact: 'company.employees', result: 'pass' as const, actual: 1 },
      { ruleId: 'b', path: 'when', fact: 'company.employees', result: 'pass' as const, actual: 2 },
    ]
    expect(compactTraceJson(trace)).toBeUndefined()
  })

  it('writes each fact once with the value its conditions saw', () => {
    const trace = [
      { ruleId: 'a', path: 'when', gate: 'all' as const, result: 'fail' as const },
      { ruleId: 'a', path: 'when.all.0', fact: 'x.y', result: 'pass' as const, actual: [1] },
      { ruleId: 'b', path: 'when', fact: 'x.y', result: 'unknown' as const, actual: [1] },
      { ruleId: 'b', path: 'when', fact: 'x.z', result: 'unknown' as const },
    ]
    expect(compactTraceJson(trace)).toBe(
      '{"encoding":"results-facts/1","results":"0122","facts":{"x.y":[1]}}',
    )
  })
})
