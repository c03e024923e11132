import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, PASSWORD, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

const login = (email: string, password: string) =>
  h.request('none', 'POST', '/api/auth/login', { email, password })

describe('sign-in and sessions', () => {
  it('signs in and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login('viewer@example.com', PASSWORD)
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^leadgate_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(((await res.json()) as { user: { email: string; roles: string[] } }).user).toMatchObject(
      { email: 'viewer@example.com', roles: ['viewer'] },
    )
  })

  it('answers a wrong password and an unknown email alike: 401', async () => {
    const wrong = await login('viewer@example.com', 'not-the-password')
    const unknown = await login('nobody@example.com', PASSWORD)
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message)
  })

  it('tells who is signed in', async () => {
    const res = await h.request('sales', 'GET', '/api/auth/me')
    expect(res.status).toBe(200)
    const me = (await res.json()) as { user: Record<string, unknown> }
    expect(me.user.email).toBe('sales@example.com')
    expect(me.user).not.toHaveProperty('passwordHash')
  })

  it('ends the session on logout', async () => {
    const cookie = (await login('marketing@example.com', PASSWORD)).headers
      .get('set-cookie')!
      .split(';')[0]!
    const out = await h.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })
    expect(out.status).toBe(204)
    const after = await h.app.request('/api/auth/me', { headers: { cookie } })
    expect(after.status).toBe(401)
    expect((await errorOf(after)).code).toBe('unauthenticated')
  })

  it('answers an unknown session cookie with 401', async () => {
    const res = await h.app.request('/api/rulesets', {
      headers: { cookie: 'leadgate_session=forged' },
    })
    expect(res.status).toBe(401)
  })
})

describe('user management', () => {
  it('lets an admin add a user who can then sign in', async () => {
    const res = await h.request('admin', 'POST', '/api/users', {
      email: 'new@example.com',
      name: 'New',
      password: 'a-long-password',
      roles: ['sales'],
    })
    expect(res.status).toBe(201)
    const user = (await res.json()) as Record<string, unknown>
    expect(user).toMatchObject({ email: 'new@example.com', roles: ['sales'], disabled: false })
    expect(user).not.toHaveProperty('passwordHash')
    expect((await login('new@example.com', 'a-long-password')).status).toBe(200)
  })

  it('lists users without password hashes', async () => {
    const res = await h.request('admin', 'GET', '/api/users')
    const { users } = (await res.json()) as { users: Record<string, unknown>[] }
    expect(users.length).toBeGreaterThanOrEqual(7)
    expect(users.some((user) => 'passwordHash' in user)).toBe(false)
  })

  it('refuses a taken email with 409', async () => {
    const res = await h.request('admin', 'POST', '/api/users', {
      email: 'SALES@example.com',
      name: 'Dup',
      password: 'a-long-password',
      roles: ['sales'],
    })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('email_taken')
  })

  it('answers a bad user with 400 naming every field', async () => {
    const res = await h.request('admin', 'POST', '/api/users', {
      email: 'not-an-email',
      name: '',
      password: 'short',
      roles: ['boss'],
    })
    expect(res.status).toBe(400)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'roles[0]',
    ])
  })

  it('changes roles, and a disabled user can no longer sign in or use a session', async () => {
    const created = (await (
      await h.request('admin', 'POST', '/api/users', {
        email: 'temp@example.com',
        name: 'Temp',
        password: 'a-long-password',
        roles: ['viewer'],
      })
    ).json()) as { id: string }
    const cookie = (await login('temp@example.com', 'a-long-password')).headers
      .get('set-cookie')!
      .split(';')[0]!
    const patched = await h.request('admin', 'PATCH', `/api/users/${created.id}`, {
      roles: ['marketing', 'viewer'],
    })
    expect(((await patched.json()) as { roles: string[] }).roles).toEqual(['marketing', 'viewer'])
    await h.request('admin', 'PATCH', `/api/users/${created.id}`, { disabled: true })
    expect((await h.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
    expect((await login('temp@example.com', 'a-long-password')).status).toBe(401)
  })

  it('never removes the last active admin (409)', async () => {
    const demote = await h.request('admin', 'PATCH', `/api/users/${h.userIds.admin}`, {
      roles: ['viewer'],
    })
    expect(demote.status).toBe(409)
    expect((await errorOf(demote)).code).toBe('last_admin')
    expect((await h.request('admin', 'DELETE', `/api/users/${h.userIds.admin}`)).status).toBe(409)
  })

  it('deletes a user, whose id then answers 404', async () => {
    const created = (await (
      await h.request('admin', 'POST', '/api/users', {
        email: 'gone@example.com',
        name: 'Gone',
        password: 'a-long-password',
        roles: ['viewer'],
      })
    ).json()) as { id: string }
    expect((await h.request('admin', 'DELETE', `/api/users/${created.id}`)).status).toBe(204)
    const res = await h.request('admin', 'GET', `/api/users/${created.id}`)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('user_not_found')
  })
})

describe('API keys', () => {
  it('shows a new key once; the list has no secret', async () => {
    const res = await h.request('admin', 'POST', '/api/keys', { name: 'CRM', scope: 'evaluate' })
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; key: string; scope: string }
    expect(created.key).toMatch(/^lg_key_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/)
    expect(created.scope).toBe('evaluate')
    const { keys } = (await (await h.request('admin', 'GET', '/api/keys')).json()) as {
      keys: Record<string, unknown>[]
    }
    const listed = keys.find((key) => key.id === created.id)!
    expect(listed).not.toHaveProperty('key')
    expect(listed).not.toHaveProperty('secretHash')
    expect(JSON.stringify(keys)).not.toContain(created.key.slice(-43))
  })

  it('refuses any scope but evaluate (400)', async () => {
    const res = await h.request('admin', 'POST', '/api/keys', { name: 'x', scope: 'admin' })
    expect(res.status).toBe(400)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(['scope'])
  })

  it('stops a revoked key at once (401)', async () => {
    const { id, key } = (await (
      await h.request('admin', 'POST', '/api/keys', { name: 'short-lived' })
    ).json()) as { id: string; key: string }
    const body = JSON.stringify({ ruleset: 'b2b-inbound', lead: leads['T-1'] })
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` }
    expect((await h.app.request('/api/evaluate', { method: 'POST', headers, body })).status).toBe(
      200,
    )
    const revoked = await h.request('admin', 'DELETE', `/api/keys/${id}`)
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull()
    const after = await h.app.request('/api/evaluate', { method: 'POST', headers, body })
    expect(after.status).toBe(401)
  })

  it('answers a malformed or wrong key with 401', async () => {
    for (const authorization of [
      'Bearer nonsense',
      'Basic abc',
      `Bearer lg_key_000000000000_${'A'.repeat(43)}`,
    ]) {
      const res = await h.app.request('/api/evaluate', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: '{}',
      })
      expect([authorization, res.status]).toEqual([authorization, 401])
    }
  })
})

describe('password guessing', () => {
  it('refuses sign-in for an email after ten wrong passwords, even with the right one (429)', async () => {
    await h.request('admin', 'POST', '/api/users', {
      email: 'guessed@example.com',
      name: 'G',
      password: 'the-right-password',
      roles: ['viewer'],
    })
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await login('guessed@example.com', `wrong-${attempt}`)).status).toBe(401)
    }
    const blocked = await login('guessed@example.com', 'the-right-password')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800)
    expect((await errorOf(blocked)).code).toBe('too_many_attempts')
    expect((await login('viewer@example.com', PASSWORD)).status).toBe(200)
  })
})
