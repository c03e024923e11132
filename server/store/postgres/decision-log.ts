import type pg from 'pg'
import { encodeCursor } from '../decision-log/decision-index.ts'
import { GroupCommit } from '../decision-log/group-commit.ts'
import {
  InvalidCursorError,
  type DecisionEntry,
  type DecisionLog,
  type DecisionLogStats,
  type DecisionPage,
  type DecisionQuery,
  type DecisionSummary,
} from '../types.ts'

/** Rows per INSERT statement: 9 parameters each stays far below PostgreSQL's 65,535 limit. */
const ROWS_PER_INSERT = 1000

interface SummaryRow {
  decision_id: string
  lead_id: string | number | null
  ruleset_id: string
  version: number
  outcome: DecisionSummary['outcome']
  score: number
  evaluated_at: string
}

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
    const where: string[] = []
    const params: unknown[] = []
    const add = (sql: string, value: unknown) => {
      params.push(value)
      where.push(sql.replace('?', `$${params.length}`))
    }
    if (query.cursor !== undefined) add('decision_id < ?', await this.cursorId(query.cursor))
    if (query.leadId !== undefined) add('lead_key = ?', query.leadId)
    if (query.outcome !== undefined) add('outcome = ?', query.outcome)
    if (query.rulesetId !== undefined) add('ruleset_id = ?', query.rulesetId)
    if (query.version !== undefined) add('version = ?', query.version)
    if (query.from !== undefined) add('evaluated_at >= ?', query.from)
    if (query.to !== undefined) add('evaluated_at < ?', query.to)
    params.push(query.limit + 1)
    const { rows } = await this.pool.query<SummaryRow>(
      `select decision_id, lead_id, ruleset_id, version, outcome, score, evaluated_at
       from decisions ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
       order by decision_id desc limit $${params.length}`,
      params,
    )
    const more = rows.length > query.limit
    const items = rows.slice(0, query.limit).map(summaryOf)
    return { items, nextCursor: more ? encodeCursor(items.at(-1)!.decisionId) : null }
  }

  async stats(): Promise<DecisionLogStats> {
    // An estimate-free count is fine here: stats back the health page, not a hot path.
    const { rows } = await this.pool.query<{ n: string; bytes: string }>(
      `select count(*) as n, pg_total_relation_size('decisions') as bytes from decisions`,
    )
    return { decisions: Number(rows[0]!.n), segments: 1, bytes: Number(rows[0]!.bytes) }
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
            entry.leadId === null ? null : String(entry.leadId),
            entry.rulesetId,
            entry.version,
            entry.outcome,
            entry.score,
            entry.evaluatedAt,
            entry.json,
          )
          return `(${Array.from({ length: 9 }, (_, i) => `$${at + i + 1}`).join(', ')})`
        })
        await client.query(
          `insert into decisions (decision_id, lead_id, lead_key, ruleset_id, version, outcome,
             score, evaluated_at, record) values ${values.join(', ')}`,
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

function summaryOf(row: SummaryRow): DecisionSummary {
  return {
    decisionId: row.decision_id,
    leadId: row.lead_id,
    rulesetId: row.ruleset_id,
    version: row.version,
    outcome: row.outcome,
    score: row.score,
    evaluatedAt: row.evaluated_at,
  }
}
