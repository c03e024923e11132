import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { NdjsonDecisionLog } from '../../server/store/decision-log/index.ts'
import { LowdbAccountStore } from '../../server/store/lowdb/account-stores.ts'
import { LowdbFlagStore } from '../../server/store/lowdb/flag-store.ts'
import { LowdbRulesetStore } from '../../server/store/lowdb/ruleset-store.ts'
import { openPostgresStores } from '../../server/store/postgres/open-postgres.ts'
import type {
  ApiKeyStore,
  DecisionLog,
  FlagStore,
  RulesetStore,
  SessionStore,
  UserStore,
} from '../../server/store/types.ts'

/** One set of stores under test; `close` releases it and removes what it created. */
export interface OpenedStores {
  accounts: UserStore & SessionStore & ApiKeyStore
  rulesets: RulesetStore
  decisions: DecisionLog
  flags: FlagStore
  close(): Promise<void>
}

export interface StoreKind {
  name: string
  open(): Promise<OpenedStores>
}

/** The server's PostgreSQL for tests, started by the vitest global setup when unset. */
export function testDatabaseUrl(): string {
  const url = process.env.LEADGATE_TEST_DATABASE_URL
  if (!url) throw new Error('LEADGATE_TEST_DATABASE_URL is not set (vitest global setup sets it)')
  return url
}

/**
 * A new, empty database on the test server; `drop` removes it. Each test gets its own, so
 * tests (and test files running in parallel) never see each other's rows.
 *
 * @example
 * const db = await createTestDatabase()
 * const stores = await openPostgresStores(db.url, () => {})
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = testDatabaseUrl()
  const name = `leadgate_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin })
      await dropper.connect()
      try {
        await dropper.query(`drop database if exists ${name} with (force)`)
      } finally {
        await dropper.end()
      }
    },
  }
}

export const embeddedStores: StoreKind = {
  name: 'embedded (lowdb + NDJSON)',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-contract-'))
    const accounts = await LowdbAccountStore.open(join(dir, 'accounts.json'))
    const rulesets = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    const decisions = await NdjsonDecisionLog.open(join(dir, 'decisions'))
    const flags = await LowdbFlagStore.open(join(dir, 'flags.json'))
    return {
      accounts,
      rulesets,
      decisions,
      flags,
      close: async () => {
        await decisions.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

export const postgresStores: StoreKind = {
  name: 'PostgreSQL',
  async open() {
    const db = await createTestDatabase()
    const stores = await openPostgresStores(db.url, () => {}, { poolSize: 4 })
    return {
      accounts: stores.accounts,
      rulesets: stores.rulesets,
      decisions: stores.decisions,
      flags: stores.flags,
      close: async () => {
        await stores.close()
        await db.drop()
      },
    }
  },
}

/** Every contract suite runs once per kind. */
export const storeKinds: StoreKind[] = [embeddedStores, postgresStores]
