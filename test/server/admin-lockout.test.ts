import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness } from './harness.ts'

// A fresh server per test: each one changes who is admin.
let h: Harness
beforeEach(async () => {
  await h?.close()
  h = await openHarness()
})
afterAll(() => h.close())

async function addAdmin(email: string): Promise<{ id: string; cookie: string }> {
  const created = await h.request('admin', 'POST', '/api/users', {
    email,
    name: 'Second Admin',
    password: 'admin-password-2',
    roles: ['admin'],
  })
  const { id } = (await created.json()) as { id: string }
  const login = await h.request('none', 'POST', '/api/auth/login', {
    email,
    password: 'admin-password-2',
  })
  return { id, cookie: login.headers.get('set-cookie')!.split(';')[0]! }
}

const as = (cookie: string, method: string, path: string, body?: unknown) =>
  h.app.request(path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })

describe('no way to lock every admin out', () => {
  it('refuses to demote the last active admin; a disabled admin does not count', async () => {
    const second = await addAdmin('second@example.com')
    await h.request('admin', 'PATCH', `/api/users/${second.id}`, { disabled: true })
    const res = await h.request('admin', 'PATCH', `/api/users/${h.userIds.admin}`, {
      roles: ['marketing'],
    })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({
      code: 'last_admin',
      message: 'admin is the last active admin; make someone else an admin first',
      details: { userId: h.userIds.admin },
    })
  })

  it('lets an admin drop their own admin role while another admin remains', async () => {
    await addAdmin('second@example.com')
    const res = await h.request('admin', 'PATCH', `/api/users/${h.userIds.admin}`, {
      roles: ['marketing'],
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { roles: string[] }).roles).toEqual(['marketing'])
    expect((await h.request('admin', 'GET', '/api/users')).status).toBe(403)
  })

  it('refuses an admin deleting their own account (409 own_account)', async () => {
    await addAdmin('second@example.com')
    const res = await h.request('admin', 'DELETE', `/api/users/${h.userIds.admin}`)
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({
      code: 'own_account',
      message: 'you cannot delete your own account; ask another admin',
      details: { userId: h.userIds.admin },
    })
  })

  it('refuses an admin disabling their own account (409 own_account)', async () => {
    await addAdmin('second@example.com')
    const res = await h.request('admin', 'PATCH', `/api/users/${h.userIds.admin}`, {
      disabled: true,
    })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('own_account')
    expect((await h.request('admin', 'GET', '/api/auth/me')).status).toBe(200)
  })

  it('lets another admin disable and delete an admin', async () => {
    const second = await addAdmin('second@example.com')
    const disabled = await as(second.cookie, 'PATCH', `/api/users/${h.userIds.admin}`, {
      disabled: true,
    })
    expect(disabled.status).toBe(200)
    expect((await as(second.cookie, 'DELETE', `/api/users/${h.userIds.admin}`)).status).toBe(204)
    const { users } = (await (await as(second.cookie, 'GET', '/api/users')).json()) as {
      users: { email: string; roles: string[] }[]
    }
    expect(users.filter((user) => user.roles.includes('admin')).map((user) => user.email)).toEqual([
      'second@example.com',
    ])
  })

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const second = await addAdmin('second@example.com')
    const results = await Promise.all([
      h.request('admin', 'PATCH', `/api/users/${second.id}`, { roles: ['viewer'] }),
      as(second.cookie, 'PATCH', `/api/users/${h.userIds.admin}`, { roles: ['viewer'] }),
    ])
    // The loser is refused either by the guard (409: the other is now the last admin) or, when
    // the winner committed before the loser's session was read, as no longer an admin (403).
    const [won, lost] = results.map((res) => res.status).sort()
    expect(won).toBe(200)
    expect([403, 409]).toContain(lost)
    const admins = (await h.services.accounts.stores.users.listUsers()).filter((user) =>
      user.roles.includes('admin'),
    )
    expect(admins).toHaveLength(1)
  })

  it('ends the sessions of a deleted user', async () => {
    const created = await h.request('admin', 'POST', '/api/users', {
      email: 'leaver@example.com',
      name: 'Leaver',
      password: 'leaver-password',
      roles: ['sales'],
    })
    const { id } = (await created.json()) as { id: string }
    const login = await h.request('none', 'POST', '/api/auth/login', {
      email: 'leaver@example.com',
      password: 'leaver-password',
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    expect((await h.request('admin', 'DELETE', `/api/users/${id}`)).status).toBe(204)
    expect((await as(cookie, 'GET', '/api/auth/me')).status).toBe(401)
  })
})
