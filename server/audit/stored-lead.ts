import type { Lead } from '../../engine/index.ts'
import { leadRangeOfRecord } from '../store/decision-log/lead-range.ts'

/**
 * The lead of a stored record without parsing its trace (see `leadRangeOfRecord`); a record
 * of another shape falls back to a full parse.
 *
 * @example
 * leadOfRecord(bytes, '2026-01-31T10:00:00.000Z') // { id: 'L-1', company: { … } }
 */
export function leadOfRecord(record: Buffer, evaluatedAt: string): Lead {
  const text = leadTextOfRecord(record, evaluatedAt)
  if (text !== undefined) {
    try {
      return JSON.parse(text) as Lead
    } catch {
      // fall through to the full parse
    }
  }
  return (JSON.parse(record.toString('utf8')) as { lead: Lead }).lead
}

/**
 * The lead's JSON text cut out of a stored record (see `leadOfRecord`), or undefined for a
 * record of another shape. Parsing is left to the caller, which may be another thread.
 *
 * @example
 * leadTextOfRecord(bytes, '2026-01-31T10:00:00.000Z') // '{"id":"L-1","company":{…}}'
 */
export function leadTextOfRecord(record: Buffer, evaluatedAt: string): string | undefined {
  const range = leadRangeOfRecord(record, evaluatedAt)
  return range && record.toString('utf8', range.offset, range.offset + range.length)
}
