import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallRuleset } from '../server/fixtures.ts'
import {
  killServer,
  signInAdmin,
  startServerProcess,
  type ServerProcess,
} from './server-process.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-concurrency-'))
let server: ServerProcess
const cookies: Record<string, string> = {}
const people = {
  marketing1: ['marketing'],
  marketing2: ['marketing'],
  sales1: ['sales'],
  sales2: ['sales'],
}
type Person = keyof typeof people | 'admin'

async function call(as: Person, method: string, path: string, body?: unknown, headers = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: cookies[as]!, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await res.json()) as Record<string, unknown> & { error?: { code: string } }
  return { status: res.status, etag: res.headers.get('etag'), json }
}

const version = (id: string, v: number) => `/api/rulesets/${id}/versions/${v}`
const statuses = (results: { status: number }[]) => results.map((r) => r.status).sort()

async function publishedVersions(id: string): Promise<number[]> {
  const { json } = await call('admin', 'GET', `/api/rulesets/${id}/versions`)
  return (json.versions as { version: number; status: string }[])
    .filter((entry) => entry.status === 'published')
    .map((entry) => entry.version)
}

/** Takes version `v` of a ruleset through submit and both approvals. */
async function approve(id: string, v: number) {
  expect((await call('marketing1', 'POST', `${version(id, v)}/submit`, {})).status).toBe(200)
  expect((await call('marketing1', 'POST', `${version(id, v)}/approve`, {})).status).toBe(200)
  expect((await call('sales1', 'POST', `${version(id, v)}/approve`, {})).status).toBe(200)
}

beforeAll(async () => {
  server = await startServerProcess(dataDir)
  cookies.admin = await signInAdmin(server.url)
  for (const [person, roles] of Object.entries(people)) {
    const email = `${person}@example.com`
    const password = `${person}-password`
    await call('admin', 'POST', '/api/users', { email, name: person, password, roles })
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    cookies[person] = res.headers.get('set-cookie')!.split(';')[0]!
  }
}, 30_000)
afterAll(async () => {
  await killServer(server, 'SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('parallel writes to one ruleset, on the real server', () => {
  it('lets exactly one of 20 saves with the same ETag win; the rest get 409 stale_version', async () => {
    const created = await call('marketing1', 'POST', '/api/rulesets', smallRuleset('race-save'))
    const etag = created.etag!
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, at) =>
        call(
          at % 2 ? 'marketing1' : 'sales1',
          'PUT',
          version('race-save', 1),
          { ...smallRuleset('race-save'), policy: { acceptAt: 20 + at, nurtureAt: 0 } },
          { 'if-match': etag },
        ),
      ),
    )
    expect(statuses(saves)).toEqual([200, ...Array<number>(19).fill(409)])
    for (const lost of saves.filter((save) => save.status === 409)) {
      expect(lost.json.error!.code).toBe('stale_version')
    }
    const winner = saves.find((save) => save.status === 200)!
    const stored = await call('admin', 'GET', version('race-save', 1))
    expect(stored.etag).toBe(winner.etag)
    expect((stored.json.ruleset as { policy: unknown }).policy).toEqual(
      (winner.json.ruleset as { policy: unknown }).policy,
    )
  })

  it('never takes two approvals for one side when two people of each side approve at once', async () => {
    await call('marketing1', 'POST', '/api/rulesets', smallRuleset('race-approve'))
    await call('marketing1', 'POST', `${version('race-approve', 1)}/submit`, {})
    const approvals = await Promise.all(
      (['marketing1', 'marketing2', 'sales1', 'sales2'] as const).map((person) =>
        call(person, 'POST', `${version('race-approve', 1)}/approve`, {}),
      ),
    )
    // Approvals that read the same revision race; the losers of the write are planned again on
    // the new revision, so one person per side gets in; the second of each side is told that
    // side has already approved, or (when both sides are in by then) that the version is no
    // longer in review. Never two approvals for one side.
    expect(statuses(approvals)).toEqual([200, 200, 409, 409])
    const winners = (['marketing', 'marketing', 'sales', 'sales'] as const).filter(
      (_, at) => approvals[at]!.status === 200,
    )
    expect(winners.sort()).toEqual(['marketing', 'sales'])
    const refusals = approvals.filter((approval) => approval.status !== 200)
    for (const refusal of refusals) {
      expect(['already_approved', 'invalid_transition']).toContain(refusal.json.error?.code)
    }
    const stored = await call('admin', 'GET', version('race-approve', 1))
    expect((stored.json.approvals as { role: string }[]).map((a) => a.role).sort()).toEqual([
      'marketing',
      'sales',
    ])
    expect(stored.json.status).toBe('approved')
  })

  it('publishes an approved version once when ten people publish it at once', async () => {
    await call('marketing1', 'POST', '/api/rulesets', smallRuleset('race-publish'))
    await approve('race-publish', 1)
    const publishes = await Promise.all(
      Array.from({ length: 10 }, (_, at) =>
        call(at % 2 ? 'sales2' : 'marketing2', 'POST', `${version('race-publish', 1)}/publish`, {}),
      ),
    )
    expect(statuses(publishes)).toEqual([200, ...Array<number>(9).fill(409)])
    const stored = await call('admin', 'GET', version('race-publish', 1))
    const history = stored.json.history as { action: string }[]
    expect(history.filter((entry) => entry.action === 'publish')).toHaveLength(1)
  })

  it('keeps exactly one published version when three approved versions are published at once, also after a restart', async () => {
    await call('marketing1', 'POST', '/api/rulesets', smallRuleset('race-versions'))
    for (const next of [2, 3]) {
      const draft = await call('marketing1', 'POST', '/api/rulesets/race-versions/versions', {})
      expect([draft.status, draft.json.version]).toEqual([201, next])
    }
    for (const v of [1, 2, 3]) await approve('race-versions', v)
    const publishes = await Promise.all(
      [1, 2, 3].map((v, at) =>
        call(
          at % 2 ? 'sales2' : 'marketing2',
          'POST',
          `${version('race-versions', v)}/publish`,
          {},
        ),
      ),
    )
    // A publish that read the current state archives the version published before it; one
    // that raced on a stale read is a 409. Either way one version is published at the end.
    expect(publishes.every((publish) => [200, 409].includes(publish.status))).toBe(true)
    const won = [1, 2, 3].filter((_, at) => publishes[at]!.status === 200)
    expect(won.length).toBeGreaterThan(0)
    const published = await publishedVersions('race-versions')
    expect(published).toHaveLength(1)
    expect(won).toContain(published[0])
    const { json } = await call('admin', 'GET', '/api/rulesets/race-versions/versions')
    const byVersion = new Map(
      (json.versions as { version: number; status: string }[]).map((v) => [v.version, v.status]),
    )
    for (const v of won)
      expect(byVersion.get(v)).toBe(v === published[0] ? 'published' : 'archived')
    const winner = published[0]

    await killServer(server, 'SIGTERM')
    server = await startServerProcess(dataDir)
    for (const person of Object.keys(cookies) as Person[]) {
      // Sessions live in the data folder: they survive the restart.
      expect((await call(person, 'GET', '/api/auth/me')).status).toBe(200)
    }
    expect(await publishedVersions('race-versions')).toEqual([winner])
  })
})
