import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset } from '../../engine/index.ts'
import { MaskingDecisionLog } from '../../server/audit/contact-masking.ts'
import { decideLead } from '../../server/evaluation/decide.ts'
import { prepareVersion, type CompiledVersion } from '../../server/evaluation/evaluator-cache.ts'
import { FullTraceDecisionLog } from '../../server/evaluation/full-trace-log.ts'
import { repoRoot } from '../server/harness.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'

const document = JSON.parse(readFileSync(join(repoRoot, 'rulesets/b2b-inbound.json'), 'utf8')) as {
  rules: unknown[]
}
// A condition on the email itself, so the trace holds a contact value to mask.
document.rules.push({
  id: 'test-address',
  name: 'Not our test address',
  owner: 'sales',
  kind: 'disqualify',
  when: { fact: 'contact.email', operator: 'equal', value: 'test@leadgate.local' },
})
const ruleset = parseRuleset(document)
const compiled = compileRuleset(ruleset)
const version = (status: CompiledVersion['status']) => prepareVersion(compiled, status, 'hash-1')
const now = new Date('2026-03-01T12:00:00.000Z')
const source = { kind: 'user' as const, id: 'u-1' }
const lead = ruleset.testLeads[0]!.lead
const versionOf = async () => ({ nodes: compiled.nodes, contentHash: 'hash-1' })

describe.each(storeKinds)('decision log with compact traces: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('reads a compactly stored decision back with its full trace', async () => {
    const log = new FullTraceDecisionLog(stores.decisions, versionOf)
    const { decisionId, entry } = decideLead(version('published'), lead, {
      trace: 'none',
      source,
      now,
    })
    await log.append([entry])
    expect(JSON.parse((await log.getJson(decisionId))!)).toEqual({
      decisionId,
      ...compiled.evaluate(lead, { trace: 'full', now }),
      lead,
      rulesetHash: 'hash-1',
      source,
    })
  })

  it('reads a record stored with its trace as entries byte for byte', async () => {
    const log = new FullTraceDecisionLog(stores.decisions, versionOf)
    const { decisionId, entry } = decideLead(version('draft'), lead, {
      trace: 'none',
      source,
      now,
    })
    await log.append([entry])
    expect(await log.getJson(decisionId)).toBe(entry.json)
  })

  it('masks contact values in a compact trace as in the lead', async () => {
    const log = new FullTraceDecisionLog(new MaskingDecisionLog(stores.decisions), versionOf)
    const { decisionId, entry } = decideLead(version('published'), lead, {
      trace: 'none',
      source,
      now,
    })
    await log.append([entry])
    const stored = JSON.parse((await log.getJson(decisionId))!) as {
      lead: { contact: { email: string } }
      trace: { fact?: string; actual?: unknown }[]
    }
    expect(stored.lead.contact.email).toBe('d***@northwind-mfg.com')
    expect(stored.trace.filter((e) => e.fact === 'contact.email')).toEqual([
      {
        ruleId: 'test-address',
        path: 'when',
        fact: 'contact.email',
        operator: 'equal',
        expected: 'test@leadgate.local',
        result: 'fail',
        actual: 'd***@northwind-mfg.com',
      },
    ])
    expect((await stores.decisions.getJson(decisionId))!).not.toContain('dana@')
  })
})
