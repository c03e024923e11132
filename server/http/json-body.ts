import type { MiddlewareHandler } from 'hono'
import { ApiError } from './api-error.ts'
import { parseJsonSafely, UnsafeJsonError } from './safe-json.ts'

const jsonType = /^application\/([a-z0-9.+-]+\+)?json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Every JSON body goes through here before any validator: it must say it is JSON (415
 * otherwise), be valid UTF-8 and JSON (400), and pass the depth and forbidden-key checks
 * (400 naming the path). The parsed value then stands in for `c.req.json()`, so validators
 * neither parse twice nor see an unchecked body.
 */
export function jsonBody(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !hasBody(c.req.raw)) {
      return next()
    }
    const contentType = c.req.header('content-type') ?? ''
    if (!jsonType.test(contentType)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `send the body as JSON with "Content-Type: application/json"${contentType ? `, not "${contentType}"` : ''}`,
        { contentType: contentType || null },
      )
    }
    const bytes = await c.req.arrayBuffer()
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      throw new ApiError(400, 'invalid_utf8', 'the body is not valid UTF-8')
    }
    let value: unknown
    try {
      value = parseJsonSafely(text)
    } catch (error) {
      if (!(error instanceof UnsafeJsonError)) throw error
      throw new ApiError(400, error.reason, error.message, error.path ? { path: error.path } : null)
    }
    // The validators read the body through `c.req.json()`; answer with the checked value.
    Object.defineProperty(c.req, 'json', { value: () => Promise.resolve(value) })
    return next()
  }
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length')
  if (length !== null) return length !== '0'
  return request.headers.has('transfer-encoding') || request.body !== null
}
