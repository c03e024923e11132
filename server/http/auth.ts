import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { SESSION_COOKIE, type AccountService } from '../accounts/account-service.ts'
import { hasAnyRole } from '../accounts/principal.ts'
import type { Role } from '../store/types.ts'
import type { AppEnv } from '../app-env.ts'
import { forbidden, unauthenticated } from './api-error.ts'

/**
 * Works out who is calling, from `Authorization: Bearer <key>` or the session cookie, and
 * leaves it in `c.var.principal`. A bad credential is a 401 even where none is needed, so a
 * client with a revoked key learns it at once.
 */
export function identify(accounts: AccountService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      const [scheme, key] = authorization.split(' ', 2)
      if (scheme?.toLowerCase() !== 'bearer' || !key) {
        throw unauthenticated('use "Authorization: Bearer <API key>"')
      }
      const principal = await accounts.fromApiKey(key)
      if (!principal) throw unauthenticated('the API key is not valid or was revoked')
      c.set('principal', principal)
      return next()
    }
    const token = getCookie(c, SESSION_COOKIE)
    if (token !== undefined) {
      const principal = await accounts.fromSession(token)
      if (principal) {
        c.set('principal', principal)
      } else if (!sessionFreePaths.has(c.req.path)) {
        // Also tell the browser to drop the dead cookie it keeps sending.
        const error = unauthenticated('your session has expired; sign in again')
        error.headers['Set-Cookie'] =
          `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`
        throw error
      }
    }
    return next()
  }
}

/**
 * Signing in and out need no session, so a dead session cookie (expired, or ended on another
 * device) must not stand in their way: a browser holding one could otherwise never sign in again.
 */
const sessionFreePaths = new Set(['/api/auth/login', '/api/auth/logout'])

/**
 * Lets through signed-in users, and only those holding one of `roles` when given. API keys
 * get a 403: an evaluate key can do nothing but evaluate.
 *
 * @example
 * route.use(requireUser(['admin'])) // user management
 */
export function requireUser(roles?: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal')
    if (!principal) throw unauthenticated()
    if (principal.kind !== 'user') {
      throw forbidden('an API key may only call /api/evaluate and /api/evaluate/batch')
    }
    if (roles && !hasAnyRole(principal, roles)) {
      throw forbidden(`this needs the ${roles.join(' or ')} role`, { needs: roles })
    }
    await next()
  })
}

/** Evaluation: an API key with the evaluate scope, or a user who may change rulesets. */
export function requireEvaluator() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal')
    if (!principal) throw unauthenticated()
    if (
      principal.kind === 'key'
        ? principal.scope !== 'evaluate'
        : !hasAnyRole(principal, editorRoles)
    ) {
      throw forbidden('evaluating needs an API key or the admin, marketing or sales role', {
        needs: editorRoles,
      })
    }
    await next()
  })
}

/** Roles that may change rulesets and evaluate; viewers only read. */
export const editorRoles: readonly Role[] = ['admin', 'marketing', 'sales']
export const approverRoles: readonly Role[] = ['marketing', 'sales']
