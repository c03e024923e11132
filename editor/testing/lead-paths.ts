import { factReader, forbiddenKeys, type Lead } from '../../engine/index.ts'

/** The value at a dotted path of a lead (own properties only). */
export function readPath(lead: Lead, path: string): unknown {
  return factReader(path)(lead)
}

/**
 * A copy of the lead with `value` at `path`; `undefined` removes the fact, and groups left
 * empty are dropped so the lead stays as small as the form that made it.
 *
 * @example
 * writePath({}, 'company.employees', 120) // { company: { employees: 120 } }
 */
export function writePath(lead: Lead, path: string, value: unknown): Lead {
  const parts = path.split('.')
  if (parts.some((part) => forbiddenKeys.has(part))) return lead
  const write = (target: Record<string, unknown>, at: number): Record<string, unknown> => {
    const key = parts[at]!
    const copy = { ...target }
    if (at === parts.length - 1) {
      if (value === undefined) delete copy[key]
      else copy[key] = value
      return copy
    }
    const child = copy[key]
    const next = write(
      child !== null && typeof child === 'object' && !Array.isArray(child)
        ? (child as Record<string, unknown>)
        : {},
      at + 1,
    )
    if (Object.keys(next).length === 0) delete copy[key]
    else copy[key] = next
    return copy
  }
  return write(lead, 0) as Lead
}
