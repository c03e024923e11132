import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One problem with a request field: `{ path: 'lead.company.employees', message }`. */
export interface FieldIssue {
  path: string
  message: string
  code?: string
}

/**
 * An API failure with a stable machine-readable `code`; `app.onError` turns it into
 * `{ error: { code, message, details } }` with its status.
 *
 * @example
 * throw new ApiError(404, 'ruleset_not_found', 'no ruleset "b2b-outbound"', { ruleset: 'b2b-outbound' })
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message })
  }
}

export const badRequest = (code: string, message: string, details: unknown = null) =>
  new ApiError(400, code, message, details)

export const invalidFields = (issues: FieldIssue[]) =>
  new ApiError(
    400,
    'invalid_request',
    issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; '),
    { issues },
  )

export const unauthenticated = (message = 'sign in or send an API key') =>
  new ApiError(401, 'unauthenticated', message, null, {
    'WWW-Authenticate': 'Bearer realm="leadgate"',
  })

export const forbidden = (message: string, details: unknown = null) =>
  new ApiError(403, 'forbidden', message, details)

export const notFound = (code: string, message: string, details: unknown = null) =>
  new ApiError(404, code, message, details)

export const conflict = (code: string, message: string, details: unknown = null) =>
  new ApiError(409, code, message, details)
