import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreConflictError, type UserRecord } from '../../server/store/types.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'

function user(id: string, email: string): UserRecord {
  return {
    id,
    email,
    name: id,
    roles: ['marketing'],
    passwordHash: 'scrypt$x',
    disabled: false,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
  }
}

describe.each(storeKinds)('account store contract: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('creates users, lists them in creation order and finds one by email in any case', async () => {
    await stores.accounts.createUser(user('u2', 'Zoe@Example.com'))
    await stores.accounts.createUser(user('u1', 'al@example.com'))
    expect(await stores.accounts.countUsers()).toBe(2)
    expect((await stores.accounts.listUsers()).map((record) => record.id)).toEqual(['u2', 'u1'])
    expect(await stores.accounts.findUserByEmail('zoe@example.COM')).toEqual(
      user('u2', 'Zoe@Example.com'),
    )
  })

  it('refuses a second user with the same email regardless of case', async () => {
    await stores.accounts.createUser(user('u1', 'al@example.com'))
    await expect(stores.accounts.createUser(user('u2', 'AL@example.com'))).rejects.toBeInstanceOf(
      StoreConflictError,
    )
  })

  it('updates a user, refuses an email taken by another, and answers undefined when gone', async () => {
    await stores.accounts.createUser(user('u1', 'al@example.com'))
    await stores.accounts.createUser(user('u2', 'bo@example.com'))
    const updated = await stores.accounts.updateUser('u1', { name: 'Al', roles: ['sales'] })
    expect(updated).toEqual({ ...user('u1', 'al@example.com'), name: 'Al', roles: ['sales'] })
    await expect(
      stores.accounts.updateUser('u1', { email: 'BO@example.com' }),
    ).rejects.toBeInstanceOf(StoreConflictError)
    expect(await stores.accounts.updateUser('nobody', { name: 'x' })).toBeUndefined()
  })

  it('deletes a user together with their sessions', async () => {
    await stores.accounts.createUser(user('u1', 'al@example.com'))
    await stores.accounts.createSession({
      tokenHash: 't1',
      userId: 'u1',
      createdAt: '2026-03-01T10:00:00.000Z',
      expiresAt: '2026-03-02T10:00:00.000Z',
    })
    expect(await stores.accounts.deleteUser('u1')).toBe(true)
    expect(await stores.accounts.getSession('t1')).toBeUndefined()
    expect(await stores.accounts.deleteUser('u1')).toBe(false)
  })

  it('drops expired sessions only', async () => {
    await stores.accounts.createUser(user('u1', 'al@example.com'))
    const session = (tokenHash: string, expiresAt: string) => ({
      tokenHash,
      userId: 'u1',
      createdAt: '2026-03-01T00:00:00.000Z',
      expiresAt,
    })
    await stores.accounts.createSession(session('old', '2026-03-01T09:00:00.000Z'))
    await stores.accounts.createSession(session('new', '2026-03-01T11:00:00.000Z'))
    await stores.accounts.deleteExpiredSessions(new Date('2026-03-01T10:00:00.000Z'))
    expect(await stores.accounts.getSession('old')).toBeUndefined()
    expect(await stores.accounts.getSession('new')).toEqual(
      session('new', '2026-03-01T11:00:00.000Z'),
    )
  })

  it('revokes a key once and keeps the first revocation time', async () => {
    const key = {
      id: 'k1',
      name: 'crm',
      scope: 'evaluate' as const,
      secretHash: 'abc',
      createdBy: 'u1',
      createdAt: '2026-03-01T10:00:00.000Z',
      revokedAt: null,
    }
    await stores.accounts.createKey(key)
    expect(await stores.accounts.revokeKey('k1', '2026-03-02T00:00:00.000Z')).toEqual({
      ...key,
      revokedAt: '2026-03-02T00:00:00.000Z',
    })
    const again = await stores.accounts.revokeKey('k1', '2026-03-03T00:00:00.000Z')
    expect(again?.revokedAt).toBe('2026-03-02T00:00:00.000Z')
    expect(await stores.accounts.revokeKey('missing', '2026-03-03T00:00:00.000Z')).toBeUndefined()
    expect(await stores.accounts.listKeys()).toEqual([
      { ...key, revokedAt: '2026-03-02T00:00:00.000Z' },
    ])
  })

  it('records when a key was last used, never moving the time back', async () => {
    const key = {
      id: 'k2',
      name: 'Forms',
      scope: 'evaluate' as const,
      secretHash: 'ab',
      createdBy: 'u1',
      createdAt: '2026-03-01T00:00:00.000Z',
      revokedAt: null,
    }
    await stores.accounts.createKey(key)
    await stores.accounts.touchKey('k2', '2026-03-05T10:00:00.000Z')
    await stores.accounts.touchKey('k2', '2026-03-04T09:00:00.000Z')
    await stores.accounts.touchKey('missing', '2026-03-05T10:00:00.000Z')
    expect((await stores.accounts.getKey('k2'))?.lastUsedAt).toBe('2026-03-05T10:00:00.000Z')
    await stores.accounts.revokeKey('k2', '2026-03-06T00:00:00.000Z')
    expect(await stores.accounts.getKey('k2')).toEqual({
      ...key,
      lastUsedAt: '2026-03-05T10:00:00.000Z',
      revokedAt: '2026-03-06T00:00:00.000Z',
    })
  })
})
