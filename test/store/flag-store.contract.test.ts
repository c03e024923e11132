import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LowdbFlagStore } from '../../server/store/lowdb/flag-store.ts'
import { StoreConflictError, type FlagRecord } from '../../server/store/types.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'

function flag(flagId: string, overrides: Partial<FlagRecord> = {}): FlagRecord {
  return {
    flagId,
    decisionId: 'd01',
    rulesetId: 'b2b-inbound',
    version: 1,
    leadId: '00Q1',
    outcome: 'rejected',
    suggestedOutcome: 'accepted',
    ruleIds: ['min-employees'],
    comment: 'They have 45 seats and signed last quarter',
    side: 'sales',
    createdBy: { id: 'u-sales', name: 'Sam Sales' },
    createdAt: '2026-03-01T10:00:00.000Z',
    status: 'open',
    resolution: null,
    ...overrides,
  }
}

const resolution = {
  note: 'Lowered the floor to 40 in version 2',
  by: { id: 'u-mkt', name: 'Mia Marketing' },
  at: '2026-03-02T10:00:00.000Z',
}

describe.each(storeKinds)('flag store contract: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('keeps a flag exactly as created', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    expect(await stores.flags.getFlag('flg_1')).toEqual(flag('flg_1'))
    expect(await stores.flags.getFlag('flg_none')).toBeUndefined()
  })

  it('lists the flags of a decision newest first', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await stores.flags.createFlag(flag('flg_2', { createdBy: { id: 'u-2', name: 'Two' } }))
    await stores.flags.createFlag(flag('flg_3', { decisionId: 'd02' }))
    const listed = await stores.flags.listDecisionFlags('d01')
    expect(listed.map((record) => record.flagId)).toEqual(['flg_2', 'flg_1'])
    expect(await stores.flags.listDecisionFlags('d99')).toEqual([])
  })

  it('lists the flags of a ruleset by status, newest first', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await stores.flags.createFlag(flag('flg_2', { decisionId: 'd02' }))
    await stores.flags.createFlag(flag('flg_3', { decisionId: 'd03', rulesetId: 'other' }))
    await stores.flags.closeFlag('flg_1', 'dismissed', resolution)
    const ids = async (status?: 'open' | 'dismissed' | 'resolved') =>
      (await stores.flags.listRulesetFlags('b2b-inbound', status)).map((record) => record.flagId)
    expect(await ids('open')).toEqual(['flg_2'])
    expect(await ids('dismissed')).toEqual(['flg_1'])
    expect(await ids('resolved')).toEqual([])
    expect(await ids()).toEqual(['flg_2', 'flg_1'])
  })

  it('refuses a second open flag by the same person on the same decision', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await expect(stores.flags.createFlag(flag('flg_2'))).rejects.toBeInstanceOf(StoreConflictError)
    expect((await stores.flags.listDecisionFlags('d01')).length).toBe(1)
  })

  it('lets two people flag the same decision', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await stores.flags.createFlag(flag('flg_2', { createdBy: { id: 'u-mkt', name: 'Mia' } }))
    expect((await stores.flags.listDecisionFlags('d01')).length).toBe(2)
  })

  it('accepts only one of two racing flags by the same person', async () => {
    const results = await Promise.allSettled([
      stores.flags.createFlag(flag('flg_1')),
      stores.flags.createFlag(flag('flg_2')),
    ])
    expect(results.filter((result) => result.status === 'fulfilled').length).toBe(1)
    expect((await stores.flags.listDecisionFlags('d01')).length).toBe(1)
  })

  it('lets a person flag a decision again once their flag is closed', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await stores.flags.closeFlag('flg_1', 'resolved', resolution)
    await stores.flags.createFlag(flag('flg_2'))
    expect((await stores.flags.listDecisionFlags('d01')).map((record) => record.status)).toEqual([
      'open',
      'resolved',
    ])
  })

  it('closes an open flag with its resolution', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    const closed = await stores.flags.closeFlag('flg_1', 'resolved', resolution)
    expect(closed).toEqual({ ...flag('flg_1'), status: 'resolved', resolution })
    expect(await stores.flags.getFlag('flg_1')).toEqual(closed)
  })

  it('refuses to close a flag twice and keeps the first resolution', async () => {
    await stores.flags.createFlag(flag('flg_1'))
    await stores.flags.closeFlag('flg_1', 'resolved', resolution)
    await expect(
      stores.flags.closeFlag('flg_1', 'dismissed', { ...resolution, note: 'no' }),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect(await stores.flags.getFlag('flg_1')).toMatchObject({ status: 'resolved', resolution })
  })

  it('answers undefined when closing a flag that does not exist', async () => {
    expect(await stores.flags.closeFlag('flg_none', 'dismissed', resolution)).toBeUndefined()
  })
})

describe('embedded flag store on disk', () => {
  it('writes flags to flags.json and reads them back after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-flags-'))
    try {
      const file = join(dir, 'data', 'flags.json')
      const first = await LowdbFlagStore.open(file)
      await first.createFlag(flag('flg_1'))
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ flags: [flag('flg_1')] })
      const again = await LowdbFlagStore.open(file)
      expect(await again.getFlag('flg_1')).toEqual(flag('flg_1'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('leaves the flag list unchanged when a write is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-flags-'))
    try {
      const file = join(dir, 'flags.json')
      const store = await LowdbFlagStore.open(file)
      await store.createFlag(flag('flg_1'))
      await expect(store.createFlag(flag('flg_2'))).rejects.toBeInstanceOf(StoreConflictError)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ flags: [flag('flg_1')] })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
