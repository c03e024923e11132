import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEY_USE_PRECISION_MS } from '../../server/accounts/account-service.ts'
import { openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

interface ListedKey {
  id: string
  lastUsedAt: string | null
}

const listed = async (id: string) => {
  const { keys } = (await (await h.request('admin', 'GET', '/api/keys')).json()) as {
    keys: ListedKey[]
  }
  return keys.find((key) => key.id === id)!
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The evaluation does not await touchKey: waits (up to 5 s) until the listed time is `wanted`. */
async function lastUsedBecomes(id: string, wanted: (at: string | null) => boolean) {
  for (let tries = 0; tries < 100; tries++) {
    const { lastUsedAt } = await listed(id)
    if (wanted(lastUsedAt)) return lastUsedAt
    await pause(50)
  }
  return (await listed(id)).lastUsedAt
}

// For "nothing was written": long enough for a write that was started to have landed.
const settle = () => pause(300)

describe('when an API key was last used', () => {
  it('is null for a key nobody has used', async () => {
    const created = await h.request('admin', 'POST', '/api/keys', { name: 'unused' })
    const { id } = (await created.json()) as { id: string }
    expect(await listed(id)).toMatchObject({ id, lastUsedAt: null })
  })

  it('is set by an evaluation with the key', async () => {
    const created = await h.request('admin', 'POST', '/api/keys', { name: 'crm' })
    const { id, key } = (await created.json()) as { id: string; key: string }
    const before = new Date().toISOString()
    const res = await h.app.request('/api/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ ruleset: 'b2b-inbound', lead: leads['T-1'] }),
    })
    expect(res.status).toBe(200)
    const lastUsedAt = await lastUsedBecomes(id, (at) => at !== null)
    expect(lastUsedAt! >= before).toBe(true)
    expect(lastUsedAt! <= new Date().toISOString()).toBe(true)
  })

  it('is written at most once a minute per key', async () => {
    const { record, key } = await h.services.accounts.createApiKey('busy', h.userIds.admin)
    const start = new Date('2026-11-23T10:00:00.000Z')
    const at = (ms: number) => new Date(start.getTime() + ms)
    await h.services.accounts.fromApiKey(key, at(0))
    expect(await lastUsedBecomes(record.id, (time) => time !== null)).toBe(
      '2026-11-23T10:00:00.000Z',
    )
    await h.services.accounts.fromApiKey(key, at(KEY_USE_PRECISION_MS - 1))
    await settle()
    expect((await listed(record.id)).lastUsedAt).toBe('2026-11-23T10:00:00.000Z')
    await h.services.accounts.fromApiKey(key, at(KEY_USE_PRECISION_MS))
    expect(await lastUsedBecomes(record.id, (time) => time !== '2026-11-23T10:00:00.000Z')).toBe(
      '2026-11-23T10:01:00.000Z',
    )
  })

  it('is not set by a wrong secret for the key’s id', async () => {
    const { record, key } = await h.services.accounts.createApiKey('guessed', h.userIds.admin)
    const forged = `${key.slice(0, -43)}${'A'.repeat(43)}`
    expect(await h.services.accounts.fromApiKey(forged)).toBeUndefined()
    await settle()
    expect((await listed(record.id)).lastUsedAt).toBe(null)
  })
})
