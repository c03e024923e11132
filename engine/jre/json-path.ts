/**
 * The part of JSONPath that maps onto a leadgate fact path: `$`, then property names
 * (`$.employees`, `$['employees']`, `$.address.country`). Anything else (indexes,
 * wildcards, filters, recursive descent) selects something a dotted path cannot name, so
 * it is refused rather than approximated.
 */

const namePattern = /^[A-Za-z_][\w-]*$/

/**
 * The property names of a simple JSONPath, or undefined when the path is not simple.
 *
 * @example
 * propertyNames('$.address.country') // ['address', 'country']
 * propertyNames("$['employees']") // ['employees']
 * propertyNames('$.tags[0]') // undefined
 */
export function propertyNames(path: string): string[] | undefined {
  if (!path.startsWith('$')) return undefined
  const names: string[] = []
  let at = 1
  while (at < path.length) {
    let name: string
    if (path[at] === '.') {
      const end = nextBoundary(path, at + 1)
      name = path.slice(at + 1, end)
      at = end
    } else if (path.startsWith("['", at) || path.startsWith('["', at)) {
      const quote = path[at + 1]!
      const close = path.indexOf(`${quote}]`, at + 2)
      if (close < 0) return undefined
      name = path.slice(at + 2, close)
      at = close + 2
    } else {
      return undefined
    }
    if (!namePattern.test(name)) return undefined
    names.push(name)
  }
  return names
}

function nextBoundary(path: string, from: number): number {
  let at = from
  while (at < path.length && path[at] !== '.' && path[at] !== '[') at++
  return at
}

/**
 * The JSONPath for property names below a fact.
 *
 * @example
 * toJsonPath(['address', 'country']) // '$.address.country'
 */
export function toJsonPath(names: readonly string[]): string {
  return `$.${names.join('.')}`
}
