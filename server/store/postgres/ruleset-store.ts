import type pg from 'pg'
import {
  StoreConflictError,
  type RulesetStore,
  type VersionChange,
  type VersionRecord,
} from '../types.ts'
import { inTransaction } from './transaction.ts'

/** The channel every instance LISTENs on; the payload is the ruleset id that changed. */
export const RULESET_CHANNEL = 'leadgate_ruleset_changed'

const RELISTEN_DELAY_MS = 1000

/**
 * Ruleset versions in PostgreSQL. Each write notifies `RULESET_CHANNEL` in its transaction, so
 * every instance (this one included) hears of it once it is committed and drops its cached
 * evaluators; the partial unique index keeps one published version per ruleset.
 *
 * @example
 * const store = await PgRulesetStore.open(pool)
 * store.onChange((id) => console.log(`${id} changed`))
 */
export class PgRulesetStore implements RulesetStore {
  private readonly listeners = new Set<(rulesetId: string) => void>()
  private listener: pg.PoolClient | undefined
  private closed = false

  private constructor(
    private readonly pool: pg.Pool,
    private readonly log: (message: string) => void,
  ) {}

  /** Opens the store and starts listening for changes made by other instances. */
  static async open(
    pool: pg.Pool,
    log: (message: string) => void = () => {},
  ): Promise<PgRulesetStore> {
    const store = new PgRulesetStore(pool, log)
    await store.listen()
    return store
  }

  /**
   * Holds one connection that LISTENs. When it breaks (database restart, network), it is
   * replaced, and every ruleset counts as changed: a publish may have been missed meanwhile.
   */
  private async listen(): Promise<void> {
    const client = await this.pool.connect()
    let failed = false
    // A checked-out client's error has no pool listener: without this one it ends the process.
    client.on('error', (error) => {
      if (failed || this.closed) return
      failed = true
      this.log(`postgres: the LISTEN connection failed (${error.message}); reconnecting`)
      client.release(error)
      if (this.listener === client) this.listener = undefined
      void this.relisten()
    })
    client.on('notification', (message) => {
      if (message.channel === RULESET_CHANNEL && message.payload) this.emit(message.payload)
    })
    try {
      await client.query(`listen ${RULESET_CHANNEL}`)
    } catch (error) {
      if (!failed) client.release(error as Error)
      throw error
    }
    this.listener = client
  }

  private async relisten(): Promise<void> {
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, RELISTEN_DELAY_MS))
      if (this.closed) return
      try {
        await this.listen()
        for (const rulesetId of await this.listRulesetIds()) this.emit(rulesetId)
        this.log('postgres: listening for ruleset changes again')
        return
      } catch {
        // Still unreachable: try again after the delay.
      }
    }
  }

  async listRulesetIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ ruleset_id: string }>(
      'select distinct ruleset_id from ruleset_versions order by ruleset_id',
    )
    return rows.map((row) => row.ruleset_id)
  }

  async listVersions(rulesetId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<{ record: VersionRecord }>(
      'select record from ruleset_versions where ruleset_id = $1 order by version',
      [rulesetId],
    )
    return rows.map((row) => row.record)
  }

  async getVersion(rulesetId: string, version: number): Promise<VersionRecord | undefined> {
    const { rows } = await this.pool.query<{ record: VersionRecord }>(
      'select record from ruleset_versions where ruleset_id = $1 and version = $2',
      [rulesetId, version],
    )
    return rows[0]?.record
  }

  async getPublished(rulesetId: string): Promise<VersionRecord | undefined> {
    const { rows } = await this.pool.query<{ record: VersionRecord }>(
      `select record from ruleset_versions where ruleset_id = $1 and status = 'published'`,
      [rulesetId],
    )
    return rows[0]?.record
  }

  async insertVersion(record: VersionRecord): Promise<void> {
    await inTransaction(
      this.pool,
      async (client) => {
        await client.query(
          `insert into ruleset_versions (ruleset_id, version, status, revision, record)
           values ($1, $2, $3, $4, $5)`,
          [record.rulesetId, record.version, record.status, record.revision, toJson(record)],
        )
        await client.query('select pg_notify($1, $2)', [RULESET_CHANNEL, record.rulesetId])
      },
      `version ${record.version} of ruleset ${record.rulesetId} already exists`,
    )
    this.emit(record.rulesetId)
  }

  async replaceVersions(changes: VersionChange[]): Promise<void> {
    // Versions leaving "published" first, so the one-published index never sees two at once.
    const ordered = [...changes].sort(
      (a, b) => Number(a.next.status === 'published') - Number(b.next.status === 'published'),
    )
    const rulesetIds = [...new Set(changes.map((change) => change.next.rulesetId))]
    await inTransaction(
      this.pool,
      async (client) => {
        for (const { next, expectedRevision } of ordered) {
          const result = await client.query(
            `update ruleset_versions set status = $3, revision = $4, record = $5
             where ruleset_id = $1 and version = $2 and revision = $6`,
            [
              next.rulesetId,
              next.version,
              next.status,
              next.revision,
              toJson(next),
              expectedRevision,
            ],
          )
          if (result.rowCount !== 1) {
            throw new StoreConflictError(
              `version ${next.version} of ruleset ${next.rulesetId} changed since it was read`,
            )
          }
        }
        for (const rulesetId of rulesetIds) {
          await client.query('select pg_notify($1, $2)', [RULESET_CHANNEL, rulesetId])
        }
      },
      `ruleset ${rulesetIds.join(', ')} has another version published meanwhile`,
    )
    for (const rulesetId of rulesetIds) this.emit(rulesetId)
  }

  onChange(listener: (rulesetId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stops listening and returns the connection to the pool. */
  async close(): Promise<void> {
    this.closed = true
    const client = this.listener
    this.listener = undefined
    if (!client) return
    await client.query(`unlisten ${RULESET_CHANNEL}`).catch(() => {})
    client.release()
  }

  private emit(rulesetId: string): void {
    for (const listener of this.listeners) listener(rulesetId)
  }
}

/** `json` columns take text: stringify ourselves so key order is exactly the record's. */
function toJson(value: unknown): string {
  return JSON.stringify(value)
}
