import { createRoute } from '@hono/zod-openapi'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../accounts/account-service.ts'
import { publicUser } from '../accounts/principal.ts'
import { ApiError, unauthenticated } from '../http/api-error.ts'
import { LoginThrottle } from '../accounts/login-throttle.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { loginBodySchema, meSchema } from '../schemas/accounts.ts'
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

export const authRoutes = (services: Services) => {
  const throttle = new LoginThrottle()
  return newRouter()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid('json')
      const wait = throttle.retryAfter(email)
      if (wait > 0) {
        throw new ApiError(
          429,
          'too_many_attempts',
          `too many wrong passwords; try again in ${wait} s`,
          { retryAfter: wait },
          { 'Retry-After': String(wait) },
        )
      }
      const session = await services.accounts.login(email, password)
      if (!session) {
        throttle.failed(email)
        throw unauthenticated('wrong email or password')
      }
      throttle.succeeded(email)
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        expires: session.expiresAt,
      })
      return c.json({ kind: 'user' as const, user: publicUser(session.user) }, 200)
    })
    .openapi(logoutRoute, async (c) => {
      const token = getCookie(c, SESSION_COOKIE)
      if (token !== undefined) await services.accounts.logout(token)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    })
    .openapi(meRoute, async (c) => {
      const principal = c.get('principal')!
      const user = await services.accounts.stores.users.getUser(principal.id)
      if (!user) throw unauthenticated()
      return c.json({ kind: 'user' as const, user: publicUser(user) }, 200)
    })
}
