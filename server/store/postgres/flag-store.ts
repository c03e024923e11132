import type pg from 'pg'
import type { FlagRecord, FlagStatus, FlagStore } from '../types.ts'
import { StoreConflictError } from '../types.ts'
import { asConflict, inTransaction } from './transaction.ts'

/**
 * Disputed decisions in PostgreSQL (table `flags`, migration 3). "One open flag per decision
 * and person" is the partial unique index `flags_one_open`, so it holds across instances.
 *
 * @example
 * const flags = new PgFlagStore(pool)
 * await flags.listDecisionFlags('d01j…') // newest first
 */
export class PgFlagStore implements FlagStore {
  constructor(private readonly pool: pg.Pool) {}

  async createFlag(flag: FlagRecord): Promise<void> {
    try {
      await this.pool.query(
        `insert into flags (flag_id, decision_id, ruleset_id, created_by, status, record)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          flag.flagId,
          flag.decisionId,
          flag.rulesetId,
          flag.createdBy.id,
          flag.status,
          JSON.stringify(flag),
        ],
      )
    } catch (error) {
      throw asConflict(
        error,
        `${flag.createdBy.name} already has an open flag on decision ${flag.decisionId}`,
      )
    }
  }

  async getFlag(flagId: string): Promise<FlagRecord | undefined> {
    return (await this.records('select record from flags where flag_id = $1', [flagId]))[0]
  }

  listDecisionFlags(decisionId: string): Promise<FlagRecord[]> {
    return this.records('select record from flags where decision_id = $1 order by position desc', [
      decisionId,
    ])
  }

  listRulesetFlags(rulesetId: string, status?: FlagStatus): Promise<FlagRecord[]> {
    return status === undefined
      ? this.records('select record from flags where ruleset_id = $1 order by position desc', [
          rulesetId,
        ])
      : this.records(
          'select record from flags where ruleset_id = $1 and status = $2 order by position desc',
          [rulesetId, status],
        )
  }

  closeFlag(
    flagId: string,
    status: Exclude<FlagStatus, 'open'>,
    resolution: NonNullable<FlagRecord['resolution']>,
  ): Promise<FlagRecord | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ record: FlagRecord }>(
        'select record from flags where flag_id = $1 for update',
        [flagId],
      )
      const flag = rows[0]?.record
      if (!flag) return undefined
      if (flag.status !== 'open') {
        throw new StoreConflictError(`flag ${flagId} is ${flag.status} already`)
      }
      const next: FlagRecord = { ...flag, status, resolution }
      await client.query('update flags set status = $2, record = $3 where flag_id = $1', [
        flagId,
        status,
        JSON.stringify(next),
      ])
      return next
    })
  }

  private async records(sql: string, params: unknown[]): Promise<FlagRecord[]> {
    const { rows } = await this.pool.query<{ record: FlagRecord }>(sql, params)
    return rows.map((row) => row.record)
  }
}
