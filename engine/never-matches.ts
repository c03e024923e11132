import type { Condition } from './schema/condition.ts'

type Report = (path: string, code: string, message: string) => void

/** Warns about an `all` whose numeric bounds on one fact leave no value (x > 10 and x < 5). */
export function checkSatisfiable(members: readonly Condition[], path: string, warn: Report): void {
  const bounds = new Map<
    string,
    { low: number; lowStrict: boolean; high: number; highStrict: boolean; equals: Set<unknown> }
  >()
  for (const member of members) {
    if (!('fact' in member)) continue
    const value = member.value
    const range = bounds.get(member.fact) ?? {
      low: -Infinity,
      lowStrict: false,
      high: Infinity,
      highStrict: false,
      equals: new Set<unknown>(),
    }
    const raise = (low: number, strict: boolean) => {
      if (low > range.low || (low === range.low && strict))
        Object.assign(range, { low, lowStrict: strict })
    }
    const lower = (high: number, strict: boolean) => {
      if (high < range.high || (high === range.high && strict))
        Object.assign(range, { high, highStrict: strict })
    }
    if (member.operator === 'greaterThan' && typeof value === 'number') raise(value, true)
    if (member.operator === 'greaterThanInclusive' && typeof value === 'number') raise(value, false)
    if (member.operator === 'lessThan' && typeof value === 'number') lower(value, true)
    if (member.operator === 'lessThanInclusive' && typeof value === 'number') lower(value, false)
    if (member.operator === 'between' && Array.isArray(value) && value.length === 2) {
      raise(value[0] as number, false)
      lower(value[1] as number, false)
    }
    if (member.operator === 'equal') {
      range.equals.add(value)
      if (typeof value === 'number') {
        raise(value, false)
        lower(value, false)
      }
    }
    bounds.set(member.fact, range)
  }
  for (const [fact, range] of bounds) {
    const empty =
      range.low > range.high || (range.low === range.high && (range.lowStrict || range.highStrict))
    if (empty || range.equals.size > 1) {
      warn(
        path,
        'never_matches',
        `these conditions on "${fact}" can never all hold, so this group never matches`,
      )
    }
  }
}
