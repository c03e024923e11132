import type { Lead, Outcome } from '../../engine/index.ts'

/** What a simulation needs from a stored decision record. */
export interface DecidedLead {
  lead: Lead
  outcome: Outcome
  version: number
}

/**
 * The lead of a stored record without parsing its trace. Records are written by `decideLead`
 * as `…,"evaluatedAt":"<iso>","lead":{…},"rulesetHash":"…",…}`; the trace before the lead is
 * most of the record, and parsing it for 100,000 decisions would be most of a simulation. The
 * markers are searched from the end (string values inside the lead are escaped, so the
 * unescaped `,"rulesetHash":"` can only be the record's own key); a record of another shape
 * falls back to a full parse.
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
 */
export function leadTextOfRecord(record: Buffer, evaluatedAt: string): string | undefined {
  const end = record.lastIndexOf(',"rulesetHash":"')
  const marker = `,"evaluatedAt":"${evaluatedAt}","lead":`
  const start = end === -1 ? -1 : record.lastIndexOf(marker, end)
  // The markers are ASCII, so their byte offsets are safe places to cut the UTF-8.
  return start === -1 ? undefined : record.toString('utf8', start + marker.length, end)
}
