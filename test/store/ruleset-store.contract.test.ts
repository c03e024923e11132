import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreConflictError } from '../../server/store/types.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'
import { revised, versionRecord } from './version-fixtures.ts'

describe.each(storeKinds)('ruleset store contract: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('reads back an inserted version exactly, key order included', async () => {
    const record = versionRecord('inbound', 1)
    await stores.rulesets.insertVersion(record)
    const stored = await stores.rulesets.getVersion('inbound', 1)
    expect(stored).toEqual(record)
    expect(JSON.stringify(stored)).toBe(JSON.stringify(record))
  })

  it('lists ruleset ids sorted and versions oldest first', async () => {
    await stores.rulesets.insertVersion(versionRecord('zeta', 1))
    await stores.rulesets.insertVersion(versionRecord('alpha', 2))
    await stores.rulesets.insertVersion(versionRecord('alpha', 1))
    expect(await stores.rulesets.listRulesetIds()).toEqual(['alpha', 'zeta'])
    const versions = await stores.rulesets.listVersions('alpha')
    expect(versions.map((record) => record.version)).toEqual([1, 2])
    expect(await stores.rulesets.listVersions('missing')).toEqual([])
  })

  it('refuses a second insert of the same version with a conflict', async () => {
    await stores.rulesets.insertVersion(versionRecord('inbound', 1))
    await expect(stores.rulesets.insertVersion(versionRecord('inbound', 1))).rejects.toBeInstanceOf(
      StoreConflictError,
    )
  })

  it('replaces a version when the revision read is still the stored one', async () => {
    const record = versionRecord('inbound', 1)
    await stores.rulesets.insertVersion(record)
    const next = revised(record, { status: 'in_review' })
    await stores.rulesets.replaceVersions([{ next, expectedRevision: 1 }])
    expect(await stores.rulesets.getVersion('inbound', 1)).toEqual(next)
  })

  it('rejects a stale revision and keeps the stored version', async () => {
    const record = versionRecord('inbound', 1)
    await stores.rulesets.insertVersion(record)
    await stores.rulesets.replaceVersions([
      { next: revised(record, { updatedBy: 'first' }), expectedRevision: 1 },
    ])
    await expect(
      stores.rulesets.replaceVersions([
        { next: revised(record, { updatedBy: 'second' }), expectedRevision: 1 },
      ]),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect((await stores.rulesets.getVersion('inbound', 1))?.updatedBy).toBe('first')
  })

  it('lets exactly one of several parallel edits of one draft win', async () => {
    const record = versionRecord('inbound', 1)
    await stores.rulesets.insertVersion(record)
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((who) =>
        stores.rulesets.replaceVersions([
          { next: revised(record, { updatedBy: who }), expectedRevision: 1 },
        ]),
      ),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.filter((result) => result.status === 'rejected')
    expect(rejected.map((result) => (result.reason as Error).constructor)).toEqual(
      Array(4).fill(StoreConflictError),
    )
    expect((await stores.rulesets.getVersion('inbound', 1))?.revision).toBe(2)
  })

  it('publishes one version and archives the old one in one step', async () => {
    const old = versionRecord('inbound', 1, { status: 'published' })
    const draft = versionRecord('inbound', 2, { status: 'approved' })
    await stores.rulesets.insertVersion(old)
    await stores.rulesets.insertVersion(draft)
    await stores.rulesets.replaceVersions([
      { next: revised(draft, { status: 'published' }), expectedRevision: 1 },
      { next: revised(old, { status: 'archived' }), expectedRevision: 1 },
    ])
    expect((await stores.rulesets.getPublished('inbound'))?.version).toBe(2)
    expect((await stores.rulesets.getVersion('inbound', 1))?.status).toBe('archived')
  })

  it('refuses a second published version and applies none of the changes', async () => {
    const published = versionRecord('inbound', 1, { status: 'published' })
    const other = versionRecord('inbound', 2, { status: 'approved' })
    const third = versionRecord('inbound', 3)
    await stores.rulesets.insertVersion(published)
    await stores.rulesets.insertVersion(other)
    await stores.rulesets.insertVersion(third)
    await expect(
      stores.rulesets.replaceVersions([
        { next: revised(third, { updatedBy: 'x' }), expectedRevision: 1 },
        { next: revised(other, { status: 'published' }), expectedRevision: 1 },
      ]),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect((await stores.rulesets.getPublished('inbound'))?.version).toBe(1)
    expect((await stores.rulesets.getVersion('inbound', 3))?.revision).toBe(1)
  })

  it('keeps one published version when two publishes race', async () => {
    const published = versionRecord('inbound', 1, { status: 'published' })
    const a = versionRecord('inbound', 2, { status: 'approved' })
    const b = versionRecord('inbound', 3, { status: 'approved' })
    for (const record of [published, a, b]) await stores.rulesets.insertVersion(record)
    const archive = revised(published, { status: 'archived' })
    const results = await Promise.allSettled([
      stores.rulesets.replaceVersions([
        { next: revised(a, { status: 'published' }), expectedRevision: 1 },
        { next: archive, expectedRevision: 1 },
      ]),
      stores.rulesets.replaceVersions([
        { next: revised(b, { status: 'published' }), expectedRevision: 1 },
        { next: archive, expectedRevision: 1 },
      ]),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    const statuses = (await stores.rulesets.listVersions('inbound')).map((record) => record.status)
    expect(statuses.filter((status) => status === 'published')).toHaveLength(1)
  })

  it('tells listeners which ruleset changed on insert and replace', async () => {
    const heard: string[] = []
    stores.rulesets.onChange((rulesetId) => heard.push(rulesetId))
    const record = versionRecord('inbound', 1)
    await stores.rulesets.insertVersion(record)
    await stores.rulesets.replaceVersions([
      { next: revised(record, { status: 'in_review' }), expectedRevision: 1 },
    ])
    expect(heard.slice(0, 2)).toEqual(['inbound', 'inbound'])
  })
})
