import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { leads, smallRuleset } from './fixtures.ts'

let h: Harness
let decisionId = ''
let userId = ''
let keyId = ''
let flagId = ''
beforeAll(async () => {
  h = await openHarness()
  await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('matrix'))
  const decided = await h.request('key', 'POST', '/api/evaluate', {
    ruleset: 'b2b-inbound',
    lead: leads['T-1'],
  })
  decisionId = ((await decided.json()) as { decisionId: string }).decisionId
  userId = h.userIds.viewer
  const flagged = await h.request('sales2', 'POST', `/api/decisions/${decisionId}/flags`, {
    comment: 'Wrong',
  })
  flagId = ((await flagged.json()) as { flagId: string }).flagId
  keyId = (
    (await (await h.request('admin', 'POST', '/api/keys', { name: 'matrix' })).json()) as {
      id: string
    }
  ).id
})
afterAll(() => h.close())

type Caller = 'none' | 'viewer' | 'marketing' | 'sales' | 'admin' | 'key'
const callers: Caller[] = ['none', 'viewer', 'marketing', 'sales', 'admin', 'key']
const users: Caller[] = ['viewer', 'marketing', 'sales', 'admin']
const editors: Caller[] = ['marketing', 'sales', 'admin']
const evaluators: Caller[] = ['marketing', 'sales', 'admin', 'key']

interface RouteCase {
  method: string
  path: () => string
  body?: unknown
  headers?: Record<string, string>
  allowed: Caller[]
}

const v = '/api/rulesets/matrix/versions/1'
const routes: RouteCase[] = [
  { method: 'GET', path: () => '/api/auth/me', allowed: users },
  {
    // A wrong current password: every signed-in user reaches the check (400) and keeps theirs.
    method: 'POST',
    path: () => '/api/auth/password',
    body: { currentPassword: 'not-the-password', newPassword: 'another-long-password' },
    allowed: users,
  },
  { method: 'GET', path: () => '/api/users', allowed: ['admin'] },
  {
    method: 'POST',
    path: () => '/api/users',
    body: { email: 'm@example.com', name: 'M', password: 'a-long-password', roles: ['viewer'] },
    allowed: ['admin'],
  },
  { method: 'GET', path: () => `/api/users/${userId}`, allowed: ['admin'] },
  {
    method: 'PATCH',
    path: () => `/api/users/${userId}`,
    body: { name: 'Viewer' },
    allowed: ['admin'],
  },
  { method: 'DELETE', path: () => `/api/users/usr_000000000000`, allowed: ['admin'] },
  { method: 'GET', path: () => '/api/keys', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/keys', body: { name: 'k' }, allowed: ['admin'] },
  { method: 'DELETE', path: () => `/api/keys/${keyId}`, allowed: ['admin'] },
  { method: 'GET', path: () => '/api/rulesets', allowed: users },
  { method: 'POST', path: () => '/api/rulesets', body: { id: 'x', name: 'X' }, allowed: editors },
  { method: 'GET', path: () => '/api/rulesets/matrix', allowed: users },
  { method: 'GET', path: () => '/api/rulesets/matrix/versions', allowed: users },
  { method: 'POST', path: () => '/api/rulesets/matrix/versions', body: {}, allowed: editors },
  { method: 'GET', path: () => v, allowed: users },
  {
    method: 'PUT',
    path: () => v,
    body: smallRuleset('matrix'),
    headers: { 'if-match': '"v1.r999"' },
    allowed: editors,
  },
  { method: 'GET', path: () => `${v}/diff/1`, allowed: users },
  { method: 'POST', path: () => `${v}/submit`, body: {}, allowed: editors },
  { method: 'POST', path: () => `${v}/approve`, body: {}, allowed: ['marketing', 'sales'] },
  { method: 'POST', path: () => `${v}/reopen`, body: {}, allowed: editors },
  { method: 'POST', path: () => `${v}/publish`, body: {}, allowed: editors },
  {
    method: 'POST',
    path: () => `/api/rulesets/b2b-inbound/versions/99/archive`,
    body: {},
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => '/api/evaluate',
    body: { ruleset: 'b2b-inbound', lead: leads['T-2'] },
    allowed: evaluators,
  },
  {
    method: 'POST',
    path: () => '/api/evaluate/batch?ruleset=b2b-inbound',
    body: JSON.stringify(leads['T-2']),
    headers: { 'content-type': 'application/x-ndjson' },
    allowed: evaluators,
  },
  { method: 'GET', path: () => '/api/decisions', allowed: users },
  { method: 'GET', path: () => `/api/decisions/${decisionId}`, allowed: users },
  { method: 'POST', path: () => `/api/decisions/${decisionId}/replay`, body: {}, allowed: users },
  {
    method: 'POST',
    path: () => `/api/decisions/${decisionId}/flags`,
    body: { comment: 'Should be accepted' },
    allowed: editors,
  },
  { method: 'GET', path: () => `/api/decisions/${decisionId}/flags`, allowed: users },
  { method: 'GET', path: () => '/api/rulesets/b2b-inbound/flags', allowed: users },
  {
    method: 'POST',
    path: () => `/api/flags/${flagId}/resolve`,
    body: { note: 'Fixed' },
    allowed: editors,
  },
  {
    method: 'POST',
    path: () => `/api/flags/${flagId}/dismiss`,
    body: { note: 'Stands' },
    allowed: editors,
  },
]

describe('who may call what', () => {
  for (const route of routes) {
    for (const caller of callers) {
      const expected = caller === 'none' ? 401 : route.allowed.includes(caller) ? 'allowed' : 403
      it(`${route.method} ${route.path().replace(/d[0-9a-z]{26}|usr_\w+|key_\w+|flg_\w+/, ':id')} as ${caller} → ${expected}`, async () => {
        const res = await h.request(caller, route.method, route.path(), route.body, route.headers)
        if (expected === 'allowed') {
          expect([401, 403]).not.toContain(res.status)
        } else {
          expect(res.status).toBe(expected)
          expect((await errorOf(res)).code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden')
        }
      })
    }
  }

  it('serves health, the OpenAPI document and the reference page to anyone', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs']) {
      expect([path, (await h.request('none', 'GET', path)).status]).toEqual([path, 200])
    }
  })
})
