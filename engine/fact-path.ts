/**
 * Reading a dotted fact path out of a lead. The path is split once, at compile time; reads
 * look only at the lead's own properties, so `constructor` or `__proto__` never reach the
 * prototype chain.
 */

const hasOwn = Object.prototype.hasOwnProperty

export type FactReader = (lead: unknown) => unknown

export function factReader(path: string): FactReader {
  const parts = path.split('.')
  if (parts.length === 1) {
    const [key] = parts as [string]
    return (lead) =>
      lead !== null && typeof lead === 'object' && hasOwn.call(lead, key)
        ? (lead as Record<string, unknown>)[key]
        : undefined
  }
  if (parts.length === 2) {
    const [outer, inner] = parts as [string, string]
    return (lead) => {
      if (lead === null || typeof lead !== 'object' || !hasOwn.call(lead, outer)) return undefined
      const group = (lead as Record<string, unknown>)[outer]
      return group !== null && typeof group === 'object' && hasOwn.call(group, inner)
        ? (group as Record<string, unknown>)[inner]
        : undefined
    }
  }
  return (lead) => {
    let value: unknown = lead
    for (const part of parts) {
      if (value === null || typeof value !== 'object' || !hasOwn.call(value, part)) return undefined
      value = (value as Record<string, unknown>)[part]
    }
    return value
  }
}

/**
 * Absent means unknown: undefined, null, a blank string, NaN or an empty list. A lead that
 * says nothing about a fact is not a lead that fails it.
 */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'number') return Number.isNaN(value)
  if (Array.isArray(value)) return value.length === 0
  return false
}
