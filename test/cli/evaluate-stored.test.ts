import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, type Harness } from '../server/harness.ts'
import { draftEmployeeFloor } from '../server/employee-floor-draft.ts'
import { leads } from '../server/fixtures.ts'
import { createTestDatabase } from '../store/store-factories.ts'
import { ndjson, runCli, scratchFolder } from './run-cli.ts'

/** No store settings from the developer's shell leak into a run. */
const clean = { LEADGATE_DATABASE_URL: undefined, LEADGATE_DATA_DIR: undefined }
type Env = Record<string, string | undefined>
const scratch = scratchFolder()
const input = scratch.write(
  'leads.ndjson',
  ['T-1', 'T-2', 'T-3', 'T-4'].map((id) => JSON.stringify(leads[id])).join('\n'),
)
const decide = (ruleset: string, more: string[] = [], env: Env = {}) =>
  runCli(['evaluate', '-r', ruleset, ...more, '-i', input, '-q', '--workers', '0'], undefined, {
    ...clean,
    ...env,
  })
const outcomes = (stdout: string) =>
  ndjson(stdout).map((decision) => [
    decision.leadId,
    decision.outcome,
    (decision.ruleset as { version: number }).version,
  ])

/** A server's store with b2b-inbound 1 published, 2 a draft at 1,500 employees, `drafty` 1 a draft. */
async function prepareStore(h: Harness): Promise<void> {
  await draftEmployeeFloor(h, 1500)
  const created = await h.request('marketing', 'POST', '/api/rulesets', {
    id: 'drafty',
    name: 'Drafty',
    rules: [],
  })
  expect(created.status).toBe(201)
}

afterAll(() => scratch.remove())

/**
 * What every store answers alike: the published version by default, any version by number,
 * and the versions it has when asked for one it has not. `from` names the store to the CLI.
 */
function itDecidesWithStoredVersions(from: () => { args: string[]; env: Env }) {
  const decideFrom = (ruleset: string) => {
    const store = from()
    return decide(ruleset, store.args, store.env)
  }

  it('decides with the published version when only the id is given', () => {
    const run = decideFrom('b2b-inbound')
    expect(run.code).toBe(0)
    expect(outcomes(run.stdout)).toEqual([
      ['T-1', 'accepted', 1],
      ['T-2', 'rejected', 1],
      ['T-3', 'nurture', 1],
      ['T-4', 'rejected', 1],
    ])
  })

  it('decides with a named version, a draft included', () => {
    const run = decideFrom('b2b-inbound@2')
    expect(run.code).toBe(0)
    expect(outcomes(run.stdout)).toEqual([
      ['T-1', 'rejected', 2],
      ['T-2', 'rejected', 2],
      ['T-3', 'rejected', 2],
      ['T-4', 'rejected', 2],
    ])
  })

  it('exits 2 listing the versions for an unknown version', () => {
    const run = decideFrom('b2b-inbound@7')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'b2b-inbound@7: ruleset "b2b-inbound" has no version 7 (versions: 1 published, 2 draft)',
    )
  })
}

describe('leadgate evaluate --ruleset id[@version] from a data folder', () => {
  let h: Harness
  beforeAll(async () => {
    h = await openHarness()
    await prepareStore(h)
  })
  afterAll(() => h.close())

  itDecidesWithStoredVersions(() => ({ args: ['--data', h.dataDir], env: {} }))

  it("finds the data folder through the server's LEADGATE_DATA_DIR", () => {
    const run = decide('b2b-inbound@1', [], { LEADGATE_DATA_DIR: h.dataDir })
    expect(run.code).toBe(0)
    expect(outcomes(run.stdout).map(([, outcome]) => outcome)).toEqual([
      'accepted',
      'rejected',
      'nurture',
      'rejected',
    ])
  })

  it('exits 2 naming the rulesets there for an unknown id', () => {
    const run = decide('b2b-outbound', ['--data', h.dataDir])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `b2b-outbound: no ruleset "b2b-outbound" in the data folder ${h.dataDir} (it has: b2b-inbound, drafty`,
    )
    expect(run.stdout).toBe('')
  })

  it('exits 2 when the ruleset has no published version', () => {
    const run = decide('drafty', ['--data', h.dataDir])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'drafty: ruleset "drafty" has no published version; name one as drafty@<version> (versions: 1 draft)',
    )
  })

  it('exits 2 when the folder holds no server data', () => {
    const run = decide('b2b-inbound', ['--data', scratch.path('nowhere')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `no server data in ${scratch.path('nowhere')}: rulesets.json is missing`,
    )
  })

  it('still reads a file when one has that name', () => {
    const run = decide('rulesets/b2b-inbound.json')
    expect(run.code).toBe(0)
    expect(outcomes(run.stdout)).toHaveLength(4)
  })
})

describe('leadgate evaluate --ruleset id[@version] from PostgreSQL', () => {
  let h: Harness
  let db: { url: string; drop(): Promise<void> }
  beforeAll(async () => {
    db = await createTestDatabase()
    h = await openHarness({ databaseUrl: db.url })
    await prepareStore(h)
  })
  afterAll(async () => {
    await h.close()
    await db.drop()
  })

  itDecidesWithStoredVersions(() => ({ args: [], env: { LEADGATE_DATABASE_URL: db.url } }))

  it('exits 1 naming the database when it cannot be reached', () => {
    const run = decide('b2b-inbound', [], {
      LEADGATE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('cannot reach the PostgreSQL database of LEADGATE_DATABASE_URL')
  })
})
