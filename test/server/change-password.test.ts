import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/accounts/account-service.ts'
import { errorOf, openHarness, PASSWORD, type Harness } from './harness.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

const adminAdds = async (email: string, password = 'first-password-1') => {
  const res = await h.request('admin', 'POST', '/api/users', {
    email,
    name: email.split('@')[0],
    password,
    roles: ['marketing'],
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

const signIn = async (email: string, password: string) => {
  const res = await h.request('none', 'POST', '/api/auth/login', { email, password })
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }
}

const change = (cookie: string, body: unknown) =>
  h.app.request('/api/auth/password', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const me = (cookie: string) => h.app.request('/api/auth/me', { headers: { cookie } })

const issuesOf = async (res: Response) =>
  ((await errorOf(res)).details as { issues: { path: string; message: string }[] }).issues

describe('changing one’s own password', () => {
  it('takes the new password at the next sign-in and refuses the old one', async () => {
    await adminAdds('rita@example.com')
    const { cookie } = await signIn('rita@example.com', 'first-password-1')
    const res = await change(cookie, {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe('rita@example.com')
    expect((await signIn('rita@example.com', 'first-password-1')).status).toBe(401)
    expect((await signIn('rita@example.com', 'second-password-2')).status).toBe(200)
  })

  it('signs out the user’s other sessions and keeps this device signed in with a new cookie', async () => {
    await adminAdds('otto@example.com')
    const here = (await signIn('otto@example.com', 'first-password-1')).cookie
    const elsewhere = (await signIn('otto@example.com', 'first-password-1')).cookie
    const res = await change(here, {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    })
    const fresh = res.headers.get('set-cookie')!
    expect(fresh).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`))
    expect(fresh).toContain('HttpOnly')
    const freshCookie = fresh.split(';')[0]!
    expect(freshCookie).not.toBe(here)
    expect((await me(freshCookie)).status).toBe(200)
    expect((await me(elsewhere)).status).toBe(401)
    expect((await me(here)).status).toBe(401)
  })

  it('leaves other people’s sessions alone', async () => {
    await adminAdds('pia@example.com')
    const { cookie } = await signIn('pia@example.com', 'first-password-1')
    await change(cookie, { currentPassword: 'first-password-1', newPassword: 'second-password-2' })
    expect((await h.request('sales', 'GET', '/api/auth/me')).status).toBe(200)
  })

  it('answers a wrong current password with 400 naming currentPassword, and changes nothing', async () => {
    await adminAdds('wendy@example.com')
    const { cookie } = await signIn('wendy@example.com', 'first-password-1')
    const res = await change(cookie, {
      currentPassword: 'not-my-password',
      newPassword: 'second-password-2',
    })
    expect(res.status).toBe(400)
    expect(await issuesOf(res)).toEqual([
      { path: 'currentPassword', message: 'this is not your current password' },
    ])
    expect((await me(cookie)).status).toBe(200)
    expect((await signIn('wendy@example.com', 'first-password-1')).status).toBe(200)
  })

  it('applies the user-creation rules to the new password (400 naming newPassword)', async () => {
    const res = await h.request('viewer', 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    })
    expect(res.status).toBe(400)
    expect(await issuesOf(res)).toEqual([
      { path: 'newPassword', message: 'use at least 10 characters', code: 'too_small' },
    ])
  })

  it('refuses the current password as the new one', async () => {
    const res = await h.request('viewer', 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    })
    expect(res.status).toBe(400)
    expect(await issuesOf(res)).toEqual([
      { path: 'newPassword', message: 'choose a password different from the current one' },
    ])
  })

  it('names missing and unknown fields', async () => {
    const res = await h.request('viewer', 'POST', '/api/auth/password', { password: 'x' })
    expect(res.status).toBe(400)
    expect((await issuesOf(res)).map((issue) => issue.path).sort()).toEqual([
      '',
      'currentPassword',
      'newPassword',
    ])
  })

  it('counts wrong current passwords against the sign-in throttle (429 with Retry-After)', async () => {
    await adminAdds('guess@example.com')
    const { cookie } = await signIn('guess@example.com', 'first-password-1')
    const wrong = { currentPassword: 'guess-number-x', newPassword: 'second-password-2' }
    const statuses: number[] = []
    for (let attempt = 0; attempt < 10; attempt++)
      statuses.push((await change(cookie, wrong)).status)
    expect(statuses).toEqual(Array(10).fill(400))
    const blocked = await change(cookie, {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800)
    expect((await errorOf(blocked)).code).toBe('too_many_attempts')
    // The same counter guards sign-in for that email.
    expect((await signIn('guess@example.com', 'first-password-1')).status).toBe(429)
  })

  it('is refused to API keys (403) and to nobody (401)', async () => {
    const body = { currentPassword: PASSWORD, newPassword: 'second-password-2' }
    expect((await h.request('key', 'POST', '/api/auth/password', body)).status).toBe(403)
    expect((await h.request('none', 'POST', '/api/auth/password', body)).status).toBe(401)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.request('none', 'GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody: unknown; responses: object }>>
    }
    const operation = doc.paths['/api/auth/password']!.post!
    expect(JSON.stringify(operation.requestBody)).toContain('#/components/schemas/ChangePassword')
    expect(Object.keys(operation.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '413',
      '415',
      '429',
    ])
  })
})
