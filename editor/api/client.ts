import { hc } from 'hono/client'
import type { AppType } from '../../server/app.ts'

/** The API, typed from the server's routes: paths, parameters and bodies are checked. */
export const client = hc<AppType>('/', { init: { credentials: 'same-origin' } })

export interface ApiErrorBody {
  error: { code: string; message: string; details: unknown }
}

/** A failed API call, with the server's error code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never

/**
 * The body of a successful response, or an `ApiError` carrying the server's error shape.
 * Network failures become an `ApiError` with status 0 and a sentence a person can act on.
 *
 * @example
 * const { rulesets } = await unwrap(client.api.rulesets.$get())
 */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  request: Promise<R>,
): Promise<Success<R>> {
  let response: R
  try {
    response = await request
  } catch {
    throw new ApiError(
      0,
      'network',
      'The server cannot be reached. Check your connection and try again.',
      null,
    )
  }
  if (response.ok) return (await response.json()) as Success<R>
  let body: Partial<ApiErrorBody> = {}
  try {
    body = (await response.json()) as ApiErrorBody
  } catch {
    // A proxy's HTML error page: keep the status, explain below.
  }
  throw new ApiError(
    response.status,
    body.error?.code ?? `http_${response.status}`,
    body.error?.message ?? `The server answered ${response.status}.`,
    body.error?.details ?? null,
  )
}

/** Issues (path + message) a 422 or 400 carries, if any. */
export function issuesOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details as { issues?: { path: string; message: string }[] } | null
  return Array.isArray(details?.issues) ? details.issues : []
}

export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something unexpected happened.'
