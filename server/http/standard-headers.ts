import { randomUUID } from 'node:crypto'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from '../app-env.ts'

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>

const REQUEST_ID = 'X-Request-Id'
/** What hono's request-id middleware accepts from a caller: word characters, "-" and "=". */
const callerId = /^[\w\-=]{1,255}$/

/**
 * The headers hono's `secureHeaders` sets for these options, worked out once by letting it
 * answer a probe request: the values stay hono's, never a hand-made copy of them.
 */
async function securityHeadersOf(options: SecureHeadersOptions): Promise<[string, string][]> {
  const probe = new Hono()
  probe.use('*', secureHeaders(options))
  probe.get('/', (c) => c.body(null, 204))
  const response = await probe.request('/')
  return [...response.headers.entries()]
}

/**
 * The headers every response carries: a request id (the caller's `X-Request-Id` when it is a
 * plain token, else a new UUID, also left in `c.var.requestId` for logs) and the security
 * headers of hono's `secureHeaders` with `options`. They are set after the handler, on the
 * response it made. A handler on the evaluation hot path builds its response with them
 * already in (`withStandardHeaders`): its headers then stay a plain object, which
 * @hono/node-server writes straight out, instead of a `Headers` object built and filled per
 * request (a tenth of the CPU of an evaluation went to that).
 *
 * @example
 * app.use('*', standardHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"] } }))
 */
export function standardHeaders(options: SecureHeadersOptions): MiddlewareHandler<AppEnv> {
  const ready = securityHeadersOf(options)
  const keepRouteHeaders = options.overwrite === false
  let security: [string, string][] | undefined
  let record: Record<string, string> = {}
  return async (c, next) => {
    if (security === undefined) {
      security = await ready
      record = Object.fromEntries(security)
    }
    const given = c.req.header(REQUEST_ID)
    const id = given !== undefined && callerId.test(given) ? given : randomUUID()
    c.set('requestId', id)
    c.set('standardHeaders', { headers: record, keepRouteHeaders })
    await next()
    // Reading `c.res.headers` would turn a plain-object header set into a `Headers` object.
    if (c.get('standardHeadersIncluded') === true) return
    const headers = c.res.headers
    headers.set(REQUEST_ID, id)
    for (const [name, value] of security) {
      // As `secureHeaders` with `overwrite: false`: a route that set its own policy keeps it.
      if (keepRouteHeaders && headers.has(name)) continue
      headers.set(name, value)
    }
  }
}

/**
 * `headers` plus the request id and security headers of `standardHeaders`, as one plain
 * object for a handler that builds its own Response.
 *
 * @example
 * return new Response(json, { status: 200, headers: withStandardHeaders(c, { 'content-type': 'application/json' }) })
 */
export function withStandardHeaders(
  c: Context<AppEnv>,
  headers: Record<string, string>,
): Record<string, string> {
  const standard = c.get('standardHeaders')
  if (standard === undefined) return headers
  c.set('standardHeadersIncluded', true)
  const id = c.get('requestId')
  return standard.keepRouteHeaders
    ? { ...standard.headers, ...headers, [REQUEST_ID]: id }
    : { ...headers, ...standard.headers, [REQUEST_ID]: id }
}
