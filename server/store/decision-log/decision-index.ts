import {
  InvalidCursorError,
  type DecisionFilter,
  type DecisionHit,
  type DecisionPage,
  type DecisionQuery,
  type DecisionSummary,
} from '../types.ts'

/** Where a decision's line sits: segment number, byte offset and length (without newline). */
export interface IndexedDecision extends DecisionSummary {
  segment: number
  offset: number
  length: number
  /**
   * The lead's bytes inside the line (offset from the line's start), so a simulation reads
   * only them; absent for lines indexed before it was kept, or of another shape.
   */
  leadOffset?: number
  leadLength?: number
}

/**
 * The in-memory index of the decision log: append order (which is time order: ids and
 * timestamps come from the same clock), by decision id, by lead id and by contact email.
 */
export class DecisionIndex {
  private readonly entries: IndexedDecision[] = []
  private readonly byId = new Map<string, number>()
  private readonly byLead = new Map<string, number[]>()
  /** Lower-cased contact email → positions: the support desk's most common search. */
  private readonly byEmail = new Map<string, number[]>()

  get size(): number {
    return this.entries.length
  }

  add(entry: IndexedDecision): void {
    const position = this.entries.length
    this.entries.push(entry)
    this.byId.set(entry.decisionId, position)
    if (entry.leadId !== null) {
      const key = String(entry.leadId)
      const positions = this.byLead.get(key)
      if (positions) positions.push(position)
      else this.byLead.set(key, [position])
    }
    if (entry.email) {
      const key = entry.email.toLowerCase()
      const positions = this.byEmail.get(key)
      if (positions) positions.push(position)
      else this.byEmail.set(key, [position])
    }
  }

  get(decisionId: string): IndexedDecision | undefined {
    const position = this.byId.get(decisionId)
    return position === undefined ? undefined : this.entries[position]
  }

  /** A new index of the entries `keep` accepts, in the same order. */
  filtered(keep: (entry: IndexedDecision) => boolean): DecisionIndex {
    const next = new DecisionIndex()
    for (const entry of this.entries) if (keep(entry)) next.add(entry)
    return next
  }

  /** Entries of one sealed segment, for its index file. */
  entriesOf(segment: number): IndexedDecision[] {
    return this.entries.filter((entry) => entry.segment === segment)
  }

  /** Newest first; pages continue below the last decision of the previous page. */
  query(query: DecisionQuery): DecisionPage {
    const before =
      query.cursor === undefined ? this.entries.length : this.cursorPosition(query.cursor)
    const candidates =
      query.leadId !== undefined
        ? (this.byLead.get(query.leadId) ?? [])
        : query.email !== undefined
          ? (this.byEmail.get(query.email.toLowerCase()) ?? [])
          : undefined
    const items: DecisionHit[] = []
    let last = -1
    const consider = (position: number): boolean => {
      const entry = this.entries[position]!
      if (query.from !== undefined && entry.evaluatedAt < query.from) return false
      if (matches(entry, query)) {
        items.push(summaryOf(entry))
        last = position
      }
      return true
    }
    if (candidates) {
      for (let at = upperBound(candidates, before) - 1; at >= 0; at--) {
        if (items.length === query.limit || !consider(candidates[at]!)) break
      }
    } else {
      for (let position = before - 1; position >= 0; position--) {
        if (items.length === query.limit || !consider(position)) break
      }
    }
    const more = items.length === query.limit && last > 0
    return { items, nextCursor: more ? encodeCursor(this.entries[last]!.decisionId) : null }
  }

  /** Entries a filter matches, oldest first; with `lastN`, the newest `lastN` of them. */
  select(filter: DecisionFilter, lastN = Number.POSITIVE_INFINITY): IndexedDecision[] {
    const picked: IndexedDecision[] = []
    for (let position = this.entries.length - 1; position >= 0; position--) {
      if (picked.length >= lastN) break
      const entry = this.entries[position]!
      if (filter.from !== undefined && entry.evaluatedAt < filter.from) break
      if (matches(entry, filter)) picked.push(entry)
    }
    return picked.reverse()
  }

  private cursorPosition(cursor: string): number {
    const decisionId = decodeCursor(cursor)
    const position = decisionId === undefined ? undefined : this.byId.get(decisionId)
    if (position === undefined) throw new InvalidCursorError('cursor is not one this log issued')
    return position
  }
}

function matches(entry: IndexedDecision, query: DecisionFilter): boolean {
  return (
    (query.outcome === undefined || entry.outcome === query.outcome) &&
    (query.rulesetId === undefined || entry.rulesetId === query.rulesetId) &&
    (query.version === undefined || entry.version === query.version) &&
    (query.to === undefined || entry.evaluatedAt < query.to) &&
    (query.from === undefined || entry.evaluatedAt >= query.from) &&
    (query.email === undefined ||
      (entry.email != null && entry.email.toLowerCase() === query.email.toLowerCase())) &&
    (query.company === undefined ||
      (entry.company != null &&
        entry.company.toLowerCase().includes(query.company.toLowerCase()))) &&
    (query.reason === undefined || (entry.reasonIds?.includes(query.reason) ?? false))
  )
}

export function summaryOf(entry: IndexedDecision): DecisionHit {
  const { decisionId, leadId, rulesetId, version, outcome, score, evaluatedAt } = entry
  return {
    decisionId,
    leadId,
    rulesetId,
    version,
    outcome,
    score,
    evaluatedAt,
    email: entry.email ?? null,
    company: entry.company ?? null,
    reasonIds: entry.reasonIds ?? [],
  }
}

/** First index whose value is ≥ `limit` in an ascending array. */
function upperBound(sorted: readonly number[], limit: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < limit) low = middle + 1
    else high = middle
  }
  return low
}

export function encodeCursor(decisionId: string): string {
  return Buffer.from(JSON.stringify({ before: decisionId })).toString('base64url')
}

function decodeCursor(cursor: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const before = (parsed as { before?: unknown } | null)?.before
    return typeof before === 'string' ? before : undefined
  } catch {
    return undefined
  }
}
