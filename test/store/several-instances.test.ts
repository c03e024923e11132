import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { openServices, type OpenedServices } from '../../server/open-services.ts'
import { leads } from '../server/fixtures.ts'
import { openHarness, repoRoot, type Harness } from '../server/harness.ts'
import { createTestDatabase } from './store-factories.ts'

let db: Awaited<ReturnType<typeof createTestDatabase>>
let a: Harness
let b: OpenedServices
let appB: ReturnType<typeof createApp>
let dirB: string

beforeAll(async () => {
  db = await createTestDatabase()
  a = await openHarness({ databaseUrl: db.url })
  dirB = mkdtempSync(join(tmpdir(), 'leadgate-b-'))
  b = await openServices({
    dataDir: dirB,
    databaseUrl: db.url,
    rulesetsDir: join(repoRoot, 'rulesets'),
    log: () => {},
  })
  appB = createApp(b, { editorDir: join(dirB, 'no-editor') })
})
afterAll(async () => {
  await a.close()
  await b.close()
  rmSync(dirB, { recursive: true, force: true })
  await db.drop()
})

/** Evaluates T-1 on instance B with the API key instance A created (one shared database). */
async function evaluateOnB(): Promise<{ ruleset: { id: string; version: number } }> {
  const res = await appB.request('/api/evaluate', {
    method: 'POST',
    headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ruleset: 'b2b-inbound', lead: leads['T-1'] }),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { ruleset: { id: string; version: number } }
}

describe('two instances on one PostgreSQL database', () => {
  it('loads the examples once: the second instance finds them instead of seeding again', () => {
    expect(a.services.seeded).toContain('b2b-inbound')
    expect(b.seeded).toEqual([])
  })

  it('evaluates on B with the version A publishes, told by LISTEN/NOTIFY', async () => {
    // B compiles and caches version 1; without a notification it would keep using it.
    expect((await evaluateOnB()).ruleset).toEqual({ id: 'b2b-inbound', version: 1 })
    const heard = new Promise<void>((resolve) => {
      const stop = b.rulesetStore.onChange((rulesetId) => {
        if (rulesetId !== 'b2b-inbound') return
        stop()
        resolve()
      })
    })
    const act = (as: 'marketing' | 'sales', action: string) =>
      a.request(as, 'POST', `/api/rulesets/b2b-inbound/versions/2/${action}`, {})
    const created = await a.request('marketing', 'POST', '/api/rulesets/b2b-inbound/versions', {
      changeNote: 'v2',
    })
    expect(created.status).toBe(201)
    expect((await act('marketing', 'submit')).status).toBe(200)
    expect((await act('marketing', 'approve')).status).toBe(200)
    expect((await act('sales', 'approve')).status).toBe(200)
    expect((await act('sales', 'publish')).status).toBe(200)
    await heard
    expect((await evaluateOnB()).ruleset).toEqual({ id: 'b2b-inbound', version: 2 })
  })

  it('finds a decision made on B through A', async () => {
    const res = await appB.request('/api/evaluate', {
      method: 'POST',
      headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ruleset: 'b2b-inbound', lead: leads['T-2'] }),
    })
    const { decisionId } = (await res.json()) as { decisionId: string }
    const found = await a.request('viewer', 'GET', `/api/decisions/${decisionId}`)
    expect(found.status).toBe(200)
    expect(((await found.json()) as { decisionId: string }).decisionId).toBe(decisionId)
  })
})
