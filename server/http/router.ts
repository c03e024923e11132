import { OpenAPIHono } from '@hono/zod-openapi'
import type { TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONParsed } from 'hono/utils/types'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { invalidFields } from './api-error.ts'
import { fieldIssues } from './error-handler.ts'
import { withStandardHeaders } from './standard-headers.ts'

/**
 * A route group. Validation failures become a 400 naming every bad field, through the same
 * error path as everything else.
 *
 * @example
 * export const healthRoutes = () => newRouter().openapi(healthRoute, (c) => c.json(…, 200))
 */
export const newRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidFields(fieldIssues(result.error))
    },
  })

/**
 * Answers with JSON text serialized earlier (the evaluation hot path builds it once for the
 * response and the log), typed as `T` so `hc<AppType>()` clients still see the shape.
 */
export function jsonText<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  text: string,
  status: S,
  headers: Record<string, string> = {},
): TypedResponse<JSONParsed<T>, S, 'json'> {
  // A Response with a plain header object (see `withStandardHeaders`): no `Headers` per request.
  return new Response(text, {
    status,
    headers: withStandardHeaders(c, {
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    }),
  }) as unknown as TypedResponse<JSONParsed<T>, S, 'json'>
}
