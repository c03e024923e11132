import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseRuleset } from '../../engine/index.ts'
import { settle } from '../../server/rulesets/version-record.ts'
import { LowdbRulesetStore } from '../../server/store/lowdb/ruleset-store.ts'
import { StoreConflictError, type VersionRecord } from '../../server/store/types.ts'
import { smallRuleset } from './fixtures.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadgate-store-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function record(version: number, status: VersionRecord['status'] = 'draft'): VersionRecord {
  const document = parseRuleset({
    contentType: 'application/vnd.leadgate.ruleset+json',
    schemaVersion: 1,
    ...smallRuleset('stored'),
    version,
  })
  return settle({
    rulesetId: 'stored',
    version,
    status,
    revision: 1,
    contentHash: '',
    document,
    approvals: [],
    history: [],
    basedOn: null,
    createdBy: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'test',
    updatedAt: '2026-01-01T00:00:00.000Z',
  })
}

describe('LowdbRulesetStore', () => {
  it('shows a write to readers only once it is in the file', async () => {
    const file = join(dir, 'rulesets.json')
    const store = await LowdbRulesetStore.open(file)
    const pending = store.insertVersion(record(1))
    expect(await store.getVersion('stored', 1)).toBeUndefined()
    await pending
    expect((await store.getVersion('stored', 1))?.version).toBe(1)
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { rulesets: Record<string, unknown[]> }
    expect(onDisk.rulesets.stored).toHaveLength(1)
  })

  it('reopens with everything that was written', async () => {
    const file = join(dir, 'rulesets.json')
    const store = await LowdbRulesetStore.open(file)
    await store.insertVersion(record(1))
    await store.insertVersion(record(2))
    const reopened = await LowdbRulesetStore.open(file)
    expect((await reopened.listVersions('stored')).map((version) => version.version)).toEqual([
      1, 2,
    ])
  })

  it('refuses a replace against a stale revision and changes nothing', async () => {
    const store = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    await store.insertVersion(record(1))
    await store.replaceVersions([{ next: { ...record(1), revision: 2 }, expectedRevision: 1 }])
    await expect(
      store.replaceVersions([
        { next: { ...record(1), revision: 2, status: 'archived' }, expectedRevision: 1 },
      ]),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect((await store.getVersion('stored', 1))?.status).toBe('draft')
  })

  it('never holds two published versions of one ruleset', async () => {
    const store = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    await store.insertVersion(record(1, 'published'))
    await store.insertVersion(record(2))
    await expect(
      store.replaceVersions([
        { next: { ...record(2, 'published'), revision: 2 }, expectedRevision: 1 },
      ]),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect((await store.getPublished('stored'))?.version).toBe(1)
  })

  it('tells listeners which ruleset changed, after the write', async () => {
    const store = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    const seen: string[] = []
    store.onChange((rulesetId) => seen.push(rulesetId))
    await store.insertVersion(record(1))
    expect(seen).toEqual(['stored'])
  })
})
