import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { formatPath } from '../../engine/index.ts'
import { ApiError, invalidFields, type FieldIssue } from './api-error.ts'

/** The error body every failing route answers with; also the OpenAPI component `Error`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable: "invalid_request", "stale_version"…'),
      message: z.string().describe('What went wrong, for a person'),
      details: z.unknown().describe('Structured context, e.g. `{ issues: [{ path, message }] }`'),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof errorBodySchema>

const defaultCodes: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details: unknown = null,
  headers: Record<string, string> = {},
): Response {
  const requestId = c.get('requestId') as string | undefined
  const body: ErrorBody = { error: { code, message, details, ...(requestId ? { requestId } : {}) } }
  return c.json(body, status, headers)
}

/** zod issues → field paths as the engine writes them (`rules[3].when.all[1].operator`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    code: issue.code,
  }))
}

/**
 * The single place a failure becomes a response: `ApiError` and `HTTPException` keep their
 * status, zod errors are a 400 naming each field, anything else is a 500 that is logged with
 * the request id and never shows internals to the caller.
 */
export function handleError(log: (message: string) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof z.ZodError) error = invalidFields(fieldIssues(error))
    if (error instanceof ApiError) {
      return errorResponse(
        c,
        error.status as ContentfulStatusCode,
        error.code,
        error.message,
        error.details,
        error.headers,
      )
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode
      const code = defaultCodes[status] ?? 'http_error'
      const message = error.message || code.replaceAll('_', ' ')
      return errorResponse(c, status, code, message)
    }
    log(
      `request ${String(c.get('requestId') ?? '-')} ${c.req.method} ${c.req.path} failed: ${
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      }`,
    )
    return errorResponse(
      c,
      500,
      'internal',
      'the server failed to handle this request; it is logged with the request id',
    )
  }
}

export const handleNotFound: NotFoundHandler = (c) =>
  errorResponse(c, 404, 'route_not_found', `no route ${c.req.method} ${c.req.path}`)
