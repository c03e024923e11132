import {
  InvalidCursorError,
  type DecisionPage,
  type DecisionQuery,
  type DecisionSummary,
} from '../types.ts'

/** Where a decision's line sits: segment number, byte offset and length (without newline). */
export interface IndexedDecision extends DecisionSummary {
  segment: number
  offset: number
  length: number
}

/**
 * The in-memory index of the decision log: append order (which is time order: ids and
 * timestamps come from the same clock), by decision id and by lead id.
 */
export class DecisionIndex {
  private readonly entries: IndexedDecision[] = []
  private readonly byId = new Map<string, number>()
  private readonly byLead = new Map<string, number[]>()

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
  }

  get(decisionId: string): IndexedDecision | undefined {
    const position = this.byId.get(decisionId)
    return position === undefined ? undefined : this.entries[position]
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
      query.leadId === undefined ? undefined : (this.byLead.get(query.leadId) ?? [])
    const items: DecisionSummary[] = []
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

  private cursorPosition(cursor: string): number {
    const decisionId = decodeCursor(cursor)
    const position = decisionId === undefined ? undefined : this.byId.get(decisionId)
    if (position === undefined) throw new InvalidCursorError('cursor is not one this log issued')
    return position
  }
}

function matches(entry: IndexedDecision, query: DecisionQuery): boolean {
  return (
    (query.outcome === undefined || entry.outcome === query.outcome) &&
    (query.rulesetId === undefined || entry.rulesetId === query.rulesetId) &&
    (query.version === undefined || entry.version === query.version) &&
    (query.to === undefined || entry.evaluatedAt < query.to) &&
    (query.from === undefined || entry.evaluatedAt >= query.from)
  )
}

function summaryOf(entry: IndexedDecision): DecisionSummary {
  const { decisionId, leadId, rulesetId, version, outcome, score, evaluatedAt } = entry
  return { decisionId, leadId, rulesetId, version, outcome, score, evaluatedAt }
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
