import { forbiddenKeys } from '../../engine/index.ts'

/** Far past any real lead (a few levels deep), far below what could exhaust memory or time. */
export const MAX_LEAD_DEPTH = 64

/**
 * What makes a parsed lead unsafe to pass on, as a message naming where; undefined when it is
 * fine. The checks the server makes on request bodies: keys such as `__proto__` (they could
 * reach an object prototype through a spread or a fact path), nesting past `maxDepth`, and
 * numbers too large for a double (`1e999` parses to Infinity and would be written as null).
 * Iterative, so a 10,000-deep line cannot overflow the stack.
 *
 * @example
 * unsafeValueProblem({ company: { __proto__: {} } }) // '"__proto__" is not allowed as a key (at company.__proto__)'
 */
export function unsafeValueProblem(value: unknown, maxDepth = MAX_LEAD_DEPTH): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 1, path: '' }]
  while (stack.length > 0) {
    const { value: node, depth, path } = stack.pop()!
    if (typeof node === 'number' && !Number.isFinite(node)) {
      return `the number at ${path || '(lead)'} is too large to represent`
    }
    if (node === null || typeof node !== 'object') continue
    if (depth > maxDepth) return `nests deeper than ${maxDepth} levels (at ${path})`
    const entries = Array.isArray(node)
      ? node.map((child, at) => [`${path}[${at}]`, child] as const)
      : Object.keys(node).map(
          (key) =>
            [path === '' ? key : `${path}.${key}`, (node as Record<string, unknown>)[key]] as const,
        )
    for (const [childPath, child] of entries) {
      const key = childPath.slice(childPath.lastIndexOf('.') + 1)
      if (!Array.isArray(node) && forbiddenKeys.has(key)) {
        return `"${key}" is not allowed as a key (at ${childPath})`
      }
      stack.push({ value: child, depth: depth + 1, path: childPath })
    }
  }
  return undefined
}
