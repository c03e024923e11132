/** Where a stored record's lead sits inside it: byte offset from the record's start, and length. */
export interface LeadRange {
  offset: number
  length: number
}

const HASH_KEY = Buffer.from(',"rulesetHash":"')

/**
 * The lead's bytes inside a stored record, without parsing it. Records are written by
 * `decideLead` as `…,"evaluatedAt":"<iso>","lead":{…},"rulesetHash":"…",…}`; the trace before
 * the lead is most of the record. The markers are searched from the end (string values inside
 * the lead are escaped, so the unescaped `,"rulesetHash":"` can only be the record's own key).
 * Undefined for a record of another shape. The markers are ASCII, so the range never cuts a
 * UTF-8 character.
 *
 * @example
 * leadRangeOfRecord(line, '2026-01-31T10:00:00.000Z') // { offset: 4210, length: 388 }
 */
export function leadRangeOfRecord(record: Buffer, evaluatedAt: string): LeadRange | undefined {
  const end = record.lastIndexOf(HASH_KEY)
  if (end === -1) return undefined
  const marker = `,"evaluatedAt":"${evaluatedAt}","lead":`
  const start = record.lastIndexOf(marker, end)
  if (start === -1) return undefined
  const offset = start + Buffer.byteLength(marker)
  return { offset, length: end - offset }
}

/**
 * The index fields for a line's lead range: `leadOffset` and `leadLength`, or none for a line
 * of another shape.
 *
 * @example
 * index.add({ ...summary, segment, offset, length, ...leadOf(line, summary.evaluatedAt) })
 */
export function leadOf(
  line: Buffer,
  evaluatedAt: string,
): { leadOffset?: number; leadLength?: number } {
  const range = leadRangeOfRecord(line, evaluatedAt)
  return range ? { leadOffset: range.offset, leadLength: range.length } : {}
}
