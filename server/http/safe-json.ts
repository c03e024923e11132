import { forbiddenKeys } from '../../engine/index.ts'

// Above what a valid ruleset needs: the engine allows conditions 32 levels deep, which is about
// 70 levels of JSON (each level an object and an array) inside a document.
export const MAX_JSON_DEPTH = 100

export type UnsafeJsonReason = 'invalid_json' | 'too_deep' | 'forbidden_key' | 'non_finite_number'

export class UnsafeJsonError extends Error {
  constructor(
    readonly reason: UnsafeJsonReason,
    message: string,
    readonly path: string = '',
  ) {
    super(message)
  }
}

/**
 * Parses JSON from a request, refusing what would be dangerous to pass on: objects nested
 * deeper than `maxDepth`, and keys such as `__proto__` that could reach an object prototype
 * later (through a spread, a merge or a fact path), and numbers too large for a double (`1e999`),
 * which `JSON.parse` turns into Infinity and `JSON.stringify` would store as null. `JSON.parse` itself is safe; the walk runs
 * after it, without recursion, so a 10,000-deep document cannot overflow the stack.
 *
 * @example
 * parseJsonSafely('{"lead":{"__proto__":{}}}') // throws UnsafeJsonError('forbidden_key', …, 'lead.__proto__')
 */
export function parseJsonSafely(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UnsafeJsonError(
      'invalid_json',
      `the body is not valid JSON: ${(error as Error).message}`,
    )
  }
  checkJsonValue(value, maxDepth)
  return value
}

/** The walk of `parseJsonSafely`, for values parsed elsewhere (a batch line). */
export function checkJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  if (typeof value === 'number') checkFinite(value, '')
  if (value !== null && typeof value === 'object') walk(value, 1, maxDepth)
}

/**
 * Recursion stops at `maxDepth`, so even a 10,000-deep document costs at most that many stack
 * frames. The path of a refused value is only put together when there is one: each level adds
 * its key to the error on its way out, so a body that passes builds no path strings at all.
 */
function walk(node: object, depth: number, maxDepth: number): void {
  if (depth > maxDepth) {
    throw new UnsafeJsonError('too_deep', `JSON nests deeper than ${maxDepth} levels`)
  }
  if (Array.isArray(node)) {
    for (let at = 0; at < node.length; at++) {
      const child: unknown = node[at]
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) checkFinite(child, `[${at}]`)
      } else if (child !== null && typeof child === 'object') {
        within(`[${at}]`, child, depth, maxDepth)
      }
    }
    return
  }
  for (const key in node) {
    if (forbiddenKeys.has(key)) {
      throw new UnsafeJsonError('forbidden_key', `the key "${key}" is not allowed`, key)
    }
    const child: unknown = (node as Record<string, unknown>)[key]
    if (typeof child === 'number') {
      if (!Number.isFinite(child)) checkFinite(child, key)
    } else if (child !== null && typeof child === 'object') {
      within(key, child, depth, maxDepth)
    }
  }
}

/** Walks a child; a refusal below it gets `step` put in front of its path. */
function within(step: string, child: object, depth: number, maxDepth: number): void {
  try {
    walk(child, depth + 1, maxDepth)
  } catch (error) {
    if (!(error instanceof UnsafeJsonError)) throw error
    const path = joinPath(step, error.path)
    const message = error.reason === 'non_finite_number' ? nonFiniteMessage(path) : error.message
    throw new UnsafeJsonError(error.reason, message, path)
  }
}

const joinPath = (step: string, rest: string): string =>
  rest === '' ? step : rest.startsWith('[') ? `${step}${rest}` : `${step}.${rest}`

function checkFinite(value: number, path: string): void {
  if (!Number.isFinite(value)) {
    throw new UnsafeJsonError('non_finite_number', nonFiniteMessage(path), path)
  }
}

const nonFiniteMessage = (path: string) =>
  `the number at "${path || '(body)'}" is too large to represent`
