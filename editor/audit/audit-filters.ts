import type { Outcome } from '../../engine/index.ts'

/** What a person typed into the audit explorer's filter bar; every field optional. */
export interface AuditFilters {
  leadId?: string
  email?: string
  company?: string
  outcome?: Outcome
  ruleset?: string
  version?: number
  /** First day included, `YYYY-MM-DD` (UTC). */
  from?: string
  /** Last day included, `YYYY-MM-DD` (UTC). */
  to?: string
  /** A rule id among the decision's reasons. */
  reason?: string
}

const textKeys = ['leadId', 'email', 'company', 'ruleset', 'reason'] as const
const outcomes: readonly string[] = ['accepted', 'nurture', 'rejected']
const dayPattern = /^\d{4}-\d{2}-\d{2}$/

const validDay = (text: string | null): string | undefined =>
  text && dayPattern.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : undefined

/**
 * Reads filters from an address's query (`leadId=00Q1&outcome=rejected`), dropping what is
 * blank or malformed so a hand-edited link opens a usable search instead of an error.
 *
 * @example
 * filtersFromSearch(new URLSearchParams('outcome=rejected&version=x')) // { outcome: 'rejected' }
 */
export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {}
  for (const key of textKeys) {
    const value = search.get(key)?.trim()
    if (value) filters[key] = value
  }
  const outcome = search.get('outcome')
  if (outcome && outcomes.includes(outcome)) filters.outcome = outcome as Outcome
  const version = Number(search.get('version'))
  if (Number.isInteger(version) && version >= 1) filters.version = version
  const from = validDay(search.get('from'))
  const to = validDay(search.get('to'))
  if (from) filters.from = from
  if (to) filters.to = to
  return filters
}

/**
 * The filters as a query string for the address bar, in a fixed order, blanks left out.
 *
 * @example
 * filtersToSearch({ outcome: 'rejected', leadId: '00Q1' }) // 'leadId=00Q1&outcome=rejected'
 */
export function filtersToSearch(filters: AuditFilters): string {
  const search = new URLSearchParams()
  const order = ['leadId', 'email', 'company', 'outcome', 'ruleset', 'version', 'from', 'to']
  for (const key of [...order, 'reason'] as (keyof AuditFilters)[]) {
    const value = filters[key]
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  return search.toString()
}

/** The day after `YYYY-MM-DD`, as the API's exclusive upper bound. */
const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString()
}

/**
 * The API's query for `GET /api/decisions` and its CSV export: whole days become an
 * inclusive start and an exclusive end, so "from 1 to 3 March" includes all of 3 March.
 * A version without a ruleset is dropped: version 3 of every ruleset is not a question
 * anyone asks.
 *
 * @example
 * decisionQuery({ from: '2026-03-01', to: '2026-03-03' })
 * // { from: '2026-03-01T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' }
 */
export function decisionQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of textKeys) {
    const value = filters[key]?.trim()
    if (value) query[key] = value
  }
  if (filters.outcome) query.outcome = filters.outcome
  if (filters.version !== undefined && query.ruleset) query.version = String(filters.version)
  if (filters.from) query.from = `${filters.from}T00:00:00.000Z`
  if (filters.to) query.to = nextDay(filters.to)
  return query
}

/**
 * Says in words why a search is not sent, or null when it can be: a range that ends before
 * it starts would silently find nothing.
 *
 * @example
 * filtersProblem({ from: '2026-03-05', to: '2026-03-01' }) // 'The end date is before the start date.'
 */
export function filtersProblem(filters: AuditFilters): string | null {
  if (filters.from && filters.to && filters.to < filters.from) {
    return 'The end date is before the start date.'
  }
  return null
}

/** How many filters are set, for the "Clear filters" button and the empty state. */
export const activeFilterCount = (filters: AuditFilters): number =>
  Object.values(filters).filter((value) => value !== undefined && value !== '').length
