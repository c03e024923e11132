import type {
  DecisionEntry,
  DecisionFilter,
  DecisionLog,
  DecisionLogStats,
  DecisionPage,
  DecisionQuery,
  StoredRecord,
} from './types.ts'

/**
 * A decision log that passes every call to the log it wraps. Wrappers that change one thing
 * (masking what is written, expanding what is read) extend it and override only that, so a
 * method added to `DecisionLog` reaches the store through every wrapper without each one
 * spelling out the pass-through again.
 *
 * @example
 * class CountingLog extends DecisionLogWrapper {
 *   appended = 0
 *   override append(entries: DecisionEntry[]) {
 *     this.appended += entries.length
 *     return super.append(entries)
 *   }
 * }
 */
export class DecisionLogWrapper implements DecisionLog {
  constructor(protected readonly inner: DecisionLog) {}

  append(entries: DecisionEntry[]): Promise<void> {
    return this.inner.append(entries)
  }

  getJson(decisionId: string): Promise<string | undefined> {
    return this.inner.getJson(decisionId)
  }

  query(query: DecisionQuery): Promise<DecisionPage> {
    return this.inner.query(query)
  }

  records(filter: DecisionFilter, lastN?: number): AsyncIterable<StoredRecord> {
    return this.inner.records(filter, lastN)
  }

  /** Present only when the wrapped log has it (the embedded log; not PostgreSQL). */
  get places(): DecisionLog['places'] {
    return this.inner.places?.bind(this.inner)
  }

  stats(): Promise<DecisionLogStats> {
    return this.inner.stats()
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
