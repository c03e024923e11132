import type pg from 'pg'
import { encodeCursor } from '../decision-log/decision-index.ts'
import { GroupCommit } from '../decision-log/group-commit.ts'
import {
  InvalidCursorError,
  type DecisionEntry,
  type DecisionFilter,
  type DecisionLog,
  type DecisionLogStats,
  type DecisionPage,
  type DecisionQuery,
  type DecisionSummary,
  type StoredRecord,
} from '../types.ts'

/** Rows per INSERT statement: 12 parameters each stays far below PostgreSQL's 65,535 limit. */
const ROWS_PER_INSERT = 1000

interface SummaryRow {
  decision_id: string
  lead_id: string | number | null
  ruleset_id: string
  version: number
  outcome: DecisionSummary['outcome']
  score: number
  evaluated_at: string
  email: string | null
  company: string | null
  reason_ids: string[]
}

/**
 * PostgreSQL text cannot hold U+0000, which a lead's fields may carry. The index columns get
 * U+FFFD in its place, and searches make the same swap, so such a decision is kept and found;
 * the record itself is JSON text, where it is the escape `\u0000` and stays exact.
 */
const indexText = (text: string): string => text.replaceAll('\u0000', '\uFFFD')
const indexTextOrNull = (text: string | null | undefined): string | null =>
  text == null ? null : indexText(text)

const SUMMARY_COLUMNS =
  'decision_id, lead_id, ruleset_id, version, outcome, score, evaluated_at, email, company, reason_ids'

/**
 * The decision log in PostgreSQL. Appends that arrive while a commit runs are group-committed:
 * one transaction of multi-row INSERTs for all of them, so the per-commit cost (a WAL flush) is
 * shared. Searches run on the lead, ruleset/version and evaluated_at indexes.
 *
 * @example
 * const log = new PgDecisionLog(pool)
 * await log.append([{ ...summary, json: JSON.stringify(record) }])
 */
export class PgDecisionLog implements DecisionLog {
  private readonly commits = new GroupCommit<DecisionEntry>((entries) => this.commit(entries))
  private closed = false

  constructor(private readonly pool: pg.Pool) {}

  append(entries: DecisionEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the decision log is closed'))
    if (entries.length === 0) return Promise.resolve()
    return this.commits.add(entries)
  }

  async getJson(decisionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ record: string }>(
      'select record from decisions where decision_id = $1',
      [decisionId],
    )
    return rows[0]?.record
  }

  async query(query: DecisionQuery): Promise<DecisionPage> {
    const { where, params } = filterSql(query)
    if (query.cursor !== undefined) {
      params.push(await this.cursorId(query.cursor))
      where.push(`decision_id < $${params.length}`)
    }
    params.push(query.limit + 1)
    const { rows } = await this.pool.query<SummaryRow>(
      `select ${SUMMARY_COLUMNS}
       from decisions ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
       order by decision_id desc limit $${params.length}`,
      params,
    )
    const more = rows.length > query.limit
    const items = rows.slice(0, query.limit).map(summaryOf)
    return { items, nextCursor: more ? encodeCursor(items.at(-1)!.decisionId) : null }
  }

  /** Oldest first, read in pages of 1,000 by decision id; with `lastN` only the newest `lastN`. */
  async *records(filter: DecisionFilter, lastN?: number): AsyncIterable<StoredRecord> {
    const { where, params } = filterSql(filter)
    let after: string | undefined
    if (lastN !== undefined) {
      const { rows } = await this.pool.query<{ decision_id: string }>(
        `select decision_id from decisions ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
         order by decision_id desc offset $${params.length + 1} limit 1`,
        [...params, lastN],
      )
      if (rows[0]) after = rows[0].decision_id
    }
    for (;;) {
      const clauses = [...where]
      const args = [...params]
      if (after !== undefined) {
        args.push(after)
        clauses.push(`decision_id > $${args.length}`)
      }
      args.push(1000)
      const { rows } = await this.pool.query<SummaryRow & { record: string }>(
        `select ${SUMMARY_COLUMNS}, record from decisions
         ${clauses.length > 0 ? `where ${clauses.join(' and ')}` : ''}
         order by decision_id asc limit $${args.length}`,
        args,
      )
      for (const row of rows) yield { summary: summaryOf(row), bytes: Buffer.from(row.record) }
      if (rows.length < 1000) return
      after = rows[rows.length - 1]!.decision_id
    }
  }

  async stats(): Promise<DecisionLogStats> {
    // An estimate-free count is fine here: stats back the health page, not a hot path.
    const { rows } = await this.pool.query<{ n: string; bytes: string }>(
      `select count(*) as n, pg_total_relation_size('decisions') as bytes from decisions`,
    )
    return { decisions: Number(rows[0]!.n), segments: 1, bytes: Number(rows[0]!.bytes) }
  }

  /** Retention: deletes decisions evaluated before `cutoff` (uses the evaluated_at index). */
  async dropBefore(cutoff: string): Promise<number> {
    const { rowCount } = await this.pool.query('delete from decisions where evaluated_at < $1', [
      cutoff,
    ])
    return rowCount ?? 0
  }

  async close(): Promise<void> {
    this.closed = true
    await this.commits.idle()
  }

  private async cursorId(cursor: string): Promise<string> {
    let before: unknown
    try {
      before = (
        JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown }
      )?.before
    } catch {
      before = undefined
    }
    if (typeof before === 'string') {
      const { rowCount } = await this.pool.query('select 1 from decisions where decision_id = $1', [
        before,
      ])
      if (rowCount === 1) return before
    }
    throw new InvalidCursorError('cursor is not one this log issued')
  }

  /** One transaction for the whole group: nobody is told "kept" before it committed. */
  private async commit(entries: DecisionEntry[]): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('begin')
      for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
        const chunk = entries.slice(start, start + ROWS_PER_INSERT)
        const params: unknown[] = []
        const values = chunk.map((entry) => {
          const at = params.length
          params.push(
            entry.decisionId,
            entry.leadId === null ? null : JSON.stringify(entry.leadId),
            entry.leadId === null ? null : indexText(String(entry.leadId)),
            entry.rulesetId,
            entry.version,
            entry.outcome,
            entry.score,
            entry.evaluatedAt,
            entry.json,
            indexTextOrNull(entry.email),
            indexTextOrNull(entry.company),
            entry.reasonIds ?? [],
          )
          return `(${Array.from({ length: 12 }, (_, i) => `$${at + i + 1}`).join(', ')})`
        })
        await client.query(
          `insert into decisions (decision_id, lead_id, lead_key, ruleset_id, version, outcome,
             score, evaluated_at, record, email, company, reason_ids) values ${values.join(', ')}`,
          params,
        )
      }
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}

function filterSql(filter: DecisionFilter): { where: string[]; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, value: unknown) => {
    params.push(value)
    where.push(sql.replace('?', `$${params.length}`))
  }
  if (filter.leadId !== undefined) add('lead_key = ?', indexText(filter.leadId))
  if (filter.outcome !== undefined) add('outcome = ?', filter.outcome)
  if (filter.rulesetId !== undefined) add('ruleset_id = ?', filter.rulesetId)
  if (filter.version !== undefined) add('version = ?', filter.version)
  if (filter.from !== undefined) add('evaluated_at >= ?', filter.from)
  if (filter.to !== undefined) add('evaluated_at < ?', filter.to)
  if (filter.email !== undefined) add('lower(email) = lower(?)', indexText(filter.email))
  if (filter.company !== undefined) {
    const company = indexText(filter.company).replace(/[\\%_]/g, '\\$&')
    add(`company ilike ? escape '\\'`, `%${company}%`)
  }
  if (filter.reason !== undefined) add('? = any(reason_ids)', filter.reason)
  return { where, params }
}

function summaryOf(row: SummaryRow): Required<DecisionSummary> {
  return {
    email: row.email,
    company: row.company,
    reasonIds: row.reason_ids,
    decisionId: row.decision_id,
    leadId: row.lead_id,
    rulesetId: row.ruleset_id,
    version: row.version,
    outcome: row.outcome,
    score: row.score,
    evaluatedAt: row.evaluated_at,
  }
}
