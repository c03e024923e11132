import { isUtf8 } from 'node:buffer'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './api-error.ts'
import { parseJsonSafely, UnsafeJsonError } from './safe-json.ts'

const jsonType = /^application\/([a-z0-9.+-]+\+)?json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i

/**
 * Every JSON body goes through here before any validator: at most `maxBytes` (413), it must
 * say it is JSON (415 otherwise), be valid UTF-8 and JSON (400), and pass the depth and forbidden-key checks
 * (400 naming the path). The parsed value then stands in for `c.req.json()`, so validators
 * neither parse twice nor see an unchecked body. The body is read through `c.req.arrayBuffer()`,
 * which @hono/node-server serves straight from the socket; touching `c.req.raw.body` (as
 * hono's bodyLimit does) would build a web stream per request and cost most of a request.
 */
export function jsonBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method
    const length = c.req.header('content-length')
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || length === '0') {
      return next()
    }
    if (length !== undefined && Number(length) > maxBytes) throw tooLarge(maxBytes)
    const contentType = c.req.header('content-type') ?? ''
    if (contentType !== '' && !jsonType.test(contentType)) throw unsupported(contentType)
    let bytes: ArrayBuffer
    if (length === undefined) {
      const read = await readLimited(c.req.raw, maxBytes)
      bytes = read.buffer.slice(read.byteOffset, read.byteOffset + read.byteLength) as ArrayBuffer
      // Read past hono: leave the bytes where later readers (validators) look for them.
      ;(c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(bytes)
    } else {
      bytes = await c.req.arrayBuffer()
    }
    // `curl -X POST` and friends send no body at all: that is an empty request, not bad JSON.
    if (bytes.byteLength === 0) {
      Object.defineProperty(c.req, 'json', { value: () => Promise.resolve({}) })
      return next()
    }
    if (contentType === '') throw unsupported(contentType)
    const buffer = Buffer.from(bytes)
    if (!isUtf8(buffer)) throw new ApiError(400, 'invalid_utf8', 'the body is not valid UTF-8')
    const text = buffer.toString('utf8')
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

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `the body is larger than ${maxBytes} bytes; send batches of leads to /api/evaluate/batch`,
    { limit: maxBytes },
  )

/** A body without Content-Length (chunked) is read only up to the limit, never whole. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

const unsupported = (contentType: string) =>
  new ApiError(
    415,
    'unsupported_media_type',
    `send the body as JSON with "Content-Type: application/json"${contentType ? `, not "${contentType}"` : ''}`,
    { contentType: contentType || null },
  )
