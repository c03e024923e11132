import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  openPostgresStores,
  type PostgresStores,
} from '../../server/store/postgres/open-postgres.ts'
import { createTestDatabase } from './store-factories.ts'
import { versionRecord } from './version-fixtures.ts'

let db: Awaited<ReturnType<typeof createTestDatabase>>
let first: PostgresStores
let second: PostgresStores
const logged: string[] = []

beforeEach(async () => {
  db = await createTestDatabase()
  first = await openPostgresStores(db.url, (message) => logged.push(message), { poolSize: 3 })
  second = await openPostgresStores(db.url, () => {}, { poolSize: 3 })
})
afterEach(async () => {
  await first.close()
  await second.close()
  await db.drop()
})

const heard = (stores: PostgresStores, rulesetId: string) =>
  new Promise<void>((resolve) => {
    const stop = stores.rulesets.onChange((id) => {
      if (id !== rulesetId) return
      stop()
      resolve()
    })
  })

describe('PostgreSQL change notifications', () => {
  it('applies the schema once: the second opener finds it migrated', () => {
    expect(first.migrated).toEqual([1, 2, 3])
    expect(second.migrated).toEqual([])
  })

  it('tells one instance about a version another inserted', async () => {
    const told = heard(first, 'inbound')
    await second.rulesets.insertVersion(versionRecord('inbound', 1))
    await told
    expect((await first.rulesets.getVersion('inbound', 1))?.version).toBe(1)
  })

  it('listens again after its connection is killed, and counts every ruleset as changed', async () => {
    const inserted = heard(first, 'inbound')
    await second.rulesets.insertVersion(versionRecord('inbound', 1))
    await inserted
    const admin = new pg.Client({ connectionString: db.url })
    await admin.connect()
    const refreshed = heard(first, 'inbound')
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and query like 'listen%'`,
    )
    await admin.end()
    await refreshed
    expect(logged.some((line) => line.includes('LISTEN connection failed'))).toBe(true)
    const told = heard(first, 'outbound')
    await second.rulesets.insertVersion(versionRecord('outbound', 1))
    await told
  })
})
