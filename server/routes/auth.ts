import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../accounts/account-service.ts'
import { publicUser, type Principal } from '../accounts/principal.ts'
import { ApiError, invalidFields, unauthenticated } from '../http/api-error.ts'
import { LoginThrottle } from '../accounts/login-throttle.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { changePasswordSchema, loginBodySchema, meSchema } from '../schemas/accounts.ts'
import { jsonBody, jsonContent, pick } from '../schemas/common.ts'
import type { Services } from '../services.ts'

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Accounts'],
  summary: 'Sign in; sets an HttpOnly session cookie',
  request: { body: jsonBody(loginBodySchema) },
  responses: {
    200: jsonContent(meSchema, 'Signed in'),
    ...pick(400, 401, 415, 429),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Accounts'],
  summary: 'Sign out; ends the session',
  responses: { 204: { description: 'Signed out' } },
})

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Accounts'],
  summary: 'Who is signed in',
  middleware: requireUser(),
  responses: { 200: jsonContent(meSchema, 'The signed-in user'), ...pick(401, 403) },
})

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/password',
  tags: ['Accounts'],
  summary: 'Change your own password; your other sessions end, this one gets a fresh cookie',
  middleware: requireUser(),
  request: { body: jsonBody(changePasswordSchema) },
  responses: {
    200: jsonContent(meSchema, 'Changed'),
    ...pick(400, 401, 403, 413, 415, 429),
  },
})

const tooManyAttempts = (wait: number) =>
  new ApiError(
    429,
    'too_many_attempts',
    `too many wrong passwords; try again in ${wait} s`,
    { retryAfter: wait },
    { 'Retry-After': String(wait) },
  )

const startSession = (c: Context, token: string, expiresAt: Date) =>
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    expires: expiresAt,
  })

export const authRoutes = (services: Services) => {
  const throttle = new LoginThrottle()
  return newRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json')
      const wait = throttle.retryAfter(email)
      if (wait > 0) throw tooManyAttempts(wait)
      const session = await services.accounts.login(email, password)
      if (!session) {
        throttle.failed(email)
        throw unauthenticated('wrong email or password')
      }
      throttle.succeeded(email)
      startSession(c, session.token, session.expiresAt)
      return c.json({ kind: 'user' as const, user: publicUser(session.user) }, 200)
    })
    .openapi(logoutRoute, async (c) => {
      const token = getCookie(c, SESSION_COOKIE)
      if (token !== undefined) await services.accounts.logout(token)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
    .openapi(changePasswordRoute, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      const principal = c.get('principal') as Extract<Principal, { kind: 'user' }>
      // Same counter as sign-in: a borrowed session must not become a way to guess passwords.
      const wait = throttle.retryAfter(principal.email)
      if (wait > 0) throw tooManyAttempts(wait)
      const result = await services.accounts.changePassword(
        principal.id,
        currentPassword,
        newPassword,
      )
      if (result === 'wrong_password') {
        throttle.failed(principal.email)
        throw invalidFields([
          { path: 'currentPassword', message: 'this is not your current password' },
        ])
      }
      throttle.succeeded(principal.email)
      if (result === 'same_password') {
        throw invalidFields([
          { path: 'newPassword', message: 'choose a password different from the current one' },
        ])
      }
      startSession(c, result.token, result.expiresAt)
      return c.json({ kind: 'user' as const, user: publicUser(result.user) }, 200)
    })
    .openapi(meRoute, async (c) => {
      const principal = c.get('principal')!
      const user = await services.accounts.stores.users.getUser(principal.id)
      if (!user) throw unauthenticated()
      return c.json({ kind: 'user' as const, user: publicUser(user) }, 200)
    })
}
