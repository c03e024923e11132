import pg from 'pg'
import { PgAccountStore } from './account-stores.ts'
import { PgDecisionLog } from './decision-log.ts'
import { PgFlagStore } from './flag-store.ts'
import { migrate } from './migrations.ts'
import { PgRulesetStore } from './ruleset-store.ts'

export interface PostgresStores {
  accounts: PgAccountStore
  rulesets: PgRulesetStore
  decisions: PgDecisionLog
  flags: PgFlagStore
  /** Schema versions applied by this start; `[1, …]` means the database was empty. */
  migrated: number[]
  /** Flushes pending decisions, stops listening and closes the pool. */
  close(): Promise<void>
}

/**
 * Connects to PostgreSQL, migrates the schema to the newest version and opens every store on
 * one connection pool (plus one pooled connection held for LISTEN).
 *
 * @example
 * const stores = await openPostgresStores('postgres://leadgate@db/leadgate', console.error)
 */
export async function openPostgresStores(
  url: string,
  log: (message: string) => void,
  options: { poolSize?: number } = {},
): Promise<PostgresStores> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => log(`postgres: ${error.message}`))
  try {
    const migrated = await migrate(pool)
    const rulesets = await PgRulesetStore.open(pool, log)
    const decisions = new PgDecisionLog(pool)
    return {
      accounts: new PgAccountStore(pool),
      rulesets,
      decisions,
      flags: new PgFlagStore(pool),
      migrated,
      close: async () => {
        await decisions.close()
        await rulesets.close()
        await pool.end()
      },
    }
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
}
