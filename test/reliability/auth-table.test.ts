import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../server/accounts/account-service.ts'
import { errorOf, openHarness, PASSWORD, type Harness } from '../server/harness.ts'
import { leads, smallRuleset } from '../server/fixtures.ts'

type Caller =
  'none' | 'viewer' | 'marketing' | 'sales' | 'admin' | 'key' | 'revokedKey' | 'expiredSession'
const callers: Caller[] = [
  'none',
  'viewer',
  'marketing',
  'sales',
  'admin',
  'key',
  'revokedKey',
  'expiredSession',
]

let h: Harness
let editorDir = ''
const auth: Partial<Record<Caller, Record<string, string>>> = {}
let decisionId = ''

beforeAll(async () => {
  h = await openHarness()
  editorDir = join(h.dataDir, 'editor')
  mkdirSync(editorDir)
  writeFileSync(join(editorDir, 'index.html'), '<!doctype html><div id="root"></div>')
  await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('table'))
  const decided = await h.request('key', 'POST', '/api/evaluate', {
    ruleset: 'b2b-inbound',
    lead: leads['T-1'],
  })
  decisionId = ((await decided.json()) as { decisionId: string }).decisionId
  for (const person of ['viewer', 'marketing', 'sales', 'admin'] as const) {
    auth[person] = { cookie: h.cookies[person] }
  }
  auth.key = { authorization: `Bearer ${h.apiKey}` }
  const revoked = await h.services.accounts.createApiKey('revoked', h.userIds.admin)
  await h.services.accounts.revokeApiKey(revoked.record.id)
  auth.revokedKey = { authorization: `Bearer ${revoked.key}` }
  // A session that started longer ago than sessions live.
  const old = await h.services.accounts.login(
    'marketing@example.com',
    PASSWORD,
    new Date(Date.now() - SESSION_TTL_MS - 60_000),
  )
  auth.expiredSession = { cookie: `${SESSION_COOKIE}=${old!.token}` }
})
afterAll(() => h.close())

const users: Caller[] = ['viewer', 'marketing', 'sales', 'admin']
const editors: Caller[] = ['marketing', 'sales', 'admin']
const evaluators: Caller[] = [...editors, 'key']
const v = '/api/rulesets/table/versions/1'
const routes: {
  method: string
  path: () => string
  body?: unknown
  allowed: Caller[]
  type?: string
}[] = [
  { method: 'GET', path: () => '/api/auth/me', allowed: users },
  {
    method: 'POST',
    path: () => '/api/auth/password',
    body: { currentPassword: '', newPassword: 'x' },
    allowed: users,
  },
  { method: 'GET', path: () => '/api/users', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/users', body: { email: 'bad' }, allowed: ['admin'] },
  { method: 'GET', path: () => '/api/users/:viewer', allowed: ['admin'] },
  {
    method: 'PATCH',
    path: () => '/api/users/:viewer',
    body: { name: 'V' },
    allowed: ['admin'],
  },
  { method: 'DELETE', path: () => '/api/users/usr_000000000000', allowed: ['admin'] },
  { method: 'GET', path: () => '/api/keys', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/keys', body: { name: '' }, allowed: ['admin'] },
  { method: 'DELETE', path: () => '/api/keys/key_000000000000', allowed: ['admin'] },
  { method: 'GET', path: () => '/api/rulesets', allowed: users },
  {
    method: 'POST',
    path: () => '/api/rulesets',
    body: { id: 'b2b-inbound', name: 'X' },
    allowed: editors,
  },
  { method: 'GET', path: () => '/api/rulesets/table', allowed: users },
  { method: 'GET', path: () => '/api/rulesets/table/versions', allowed: users },
  { method: 'POST', path: () => '/api/rulesets/nope/versions', body: {}, allowed: editors },
  { method: 'GET', path: () => v, allowed: users },
  { method: 'PUT', path: () => v, body: smallRuleset('table'), allowed: editors },
  { method: 'GET', path: () => `${v}/diff/1`, allowed: users },
  {
    method: 'POST',
    path: () => '/api/rulesets/table/versions/9/submit',
    body: {},
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/rulesets/table/versions/9/approve',
    body: {},
    allowed: ['marketing', 'sales'],
  },
  {
    method: 'POST',
    path: () => '/api/rulesets/table/versions/9/reopen',
    body: {},
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/rulesets/table/versions/9/publish',
    body: {},
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/rulesets/table/versions/9/archive',
    body: {},
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/evaluate',
    body: { ruleset: 'nope', lead: {} },
    allowed: evaluators,
  },
  {
    method: 'POST',
    path: () => '/api/evaluate/batch?ruleset=nope',
    body: '{}',
    type: 'application/x-ndjson',
    allowed: evaluators,
  },
  { method: 'GET', path: () => '/api/decisions', allowed: users },
  { method: 'GET', path: () => '/api/decisions/:decision', allowed: users },
  {
    method: 'POST',
    path: () => '/api/decisions/:decision/replay',
    body: { ruleset: 'nope' },
    allowed: users,
  },
  {
    method: 'POST',
    path: () => '/api/decisions/:decision/flags',
    body: { comment: '' },
    allowed: editors,
  },
  { method: 'GET', path: () => '/api/decisions/:decision/flags', allowed: users },
  { method: 'GET', path: () => '/api/rulesets/nope/flags', allowed: users },
  {
    method: 'POST',
    path: () => '/api/flags/flg_000000000000/resolve',
    body: { note: 'x' },
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/flags/flg_000000000000/dismiss',
    body: { note: 'x' },
    allowed: editors,
  },
]

/**
 * Allowed callers reach the handler, which then refuses these deliberately bad requests
 * (unknown ids, invalid bodies) with a 4xx that is neither 401 nor 403, so nothing changes.
 * Everyone else is stopped before: 401 without or with a dead credential, 403 without the role.
 */
function expectedFor(caller: Caller, allowed: Caller[]): number | 'handler' {
  if (caller === 'none' || caller === 'revokedKey' || caller === 'expiredSession') return 401
  return allowed.includes(caller) ? 'handler' : 403
}

describe('every route × every kind of caller', () => {
  for (const route of routes) {
    for (const caller of callers) {
      const expected = expectedFor(caller, route.allowed)
      it(`${route.method} ${route.path()} as ${caller} → ${expected}`, async () => {
        const body =
          route.body === undefined
            ? undefined
            : typeof route.body === 'string'
              ? route.body
              : JSON.stringify(route.body)
        const path = route
          .path()
          .replace(':viewer', h.userIds.viewer)
          .replace(':decision', decisionId)
        const res = await h.app.request(path, {
          method: route.method,
          headers: { 'content-type': route.type ?? 'application/json', ...auth[caller] },
          ...(body === undefined ? {} : { body }),
        })
        if (expected === 'handler') {
          expect(res.status).not.toBe(401)
          expect(res.status).not.toBe(403)
          expect(res.status).toBeLessThan(500)
        } else {
          expect(res.status).toBe(expected)
          expect((await errorOf(res)).code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden')
        }
      })
    }
  }

  it('lets a browser holding an expired session cookie sign in again', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth.expiredSession },
      body: JSON.stringify({ email: 'marketing@example.com', password: PASSWORD }),
    })
    expect(res.status).toBe(200)
  })

  it('signs a browser with an expired session cookie out (204), and tells it to drop the cookie elsewhere', async () => {
    const out = await h.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { ...auth.expiredSession },
    })
    expect(out.status).toBe(204)
    const refused = await h.app.request('/api/rulesets', { headers: { ...auth.expiredSession } })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('set-cookie')).toBe(
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    )
  })

  it('answers health without a credential, and a dead credential with 401 even there', async () => {
    const statuses = await Promise.all(
      callers.map(async (caller) => [
        caller,
        (await h.app.request('/api/health', { headers: { ...auth[caller] } })).status,
      ]),
    )
    expect(Object.fromEntries(statuses)).toEqual({
      none: 200,
      viewer: 200,
      marketing: 200,
      sales: 200,
      admin: 200,
      key: 200,
      revokedKey: 401,
      expiredSession: 401,
    })
  })
})

describe('sign-in throttling', () => {
  it('answers the eleventh wrong password for one email with 429 and Retry-After', async () => {
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let attempt = 0; attempt < 11; attempt++) {
      const res = await h.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sales@example.com', password: `wrong-${attempt}` }),
      })
      statuses.push(res.status)
      retryAfter = res.headers.get('retry-after')
    }
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429])
    expect(Number(retryAfter)).toBeGreaterThan(0)
  })
})

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the other secure headers with the editor', async () => {
    const { createApp } = await import('../../server/app.ts')
    const app = createApp(h.services, { editorDir })
    const res = await app.request('/')
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('sends the secure headers with API answers too, errors included', async () => {
    const res = await h.app.request('/api/rulesets')
    expect(res.status).toBe(401)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})
