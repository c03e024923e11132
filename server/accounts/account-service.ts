import { timingSafeEqual } from 'node:crypto'
import type {
  ApiKeyRecord,
  ApiKeyStore,
  SessionStore,
  UserRecord,
  UserStore,
} from '../store/types.ts'
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.ts'
import { userPrincipal, type Principal } from './principal.ts'
import { newApiKey, parseApiKey, randomToken, sha256 } from './tokens.ts'

export const SESSION_COOKIE = 'leadgate_session'
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000
const KEY_CACHE_MS = 30_000
/** How precisely "last used" is kept: one store write per key per minute at most. */
export const KEY_USE_PRECISION_MS = 60_000

export interface AccountStores {
  users: UserStore
  sessions: SessionStore
  keys: ApiKeyStore
}

/**
 * Sign-in, sessions and API keys. Keys are checked on every evaluation, so verified key
 * records are cached in memory; revoking through this service drops the cache entry.
 */
export class AccountService {
  private readonly keyCache = new Map<string, { record: ApiKeyRecord; at: number }>()
  private readonly keyUseWritten = new Map<string, number>()

  constructor(readonly stores: AccountStores) {}

  /** A new session token for the right email and password; undefined otherwise. */
  async login(
    email: string,
    password: string,
    now = new Date(),
  ): Promise<{ token: string; user: UserRecord; expiresAt: Date } | undefined> {
    const user = await this.stores.users.findUserByEmail(email)
    const valid = await verifyPassword(password, user?.passwordHash ?? decoyPasswordHash)
    if (!user || !valid || user.disabled) return undefined
    await this.stores.sessions.deleteExpiredSessions(now)
    return { ...(await this.startSession(user.id, now)), user }
  }

  private async startSession(userId: string, now: Date) {
    const token = randomToken()
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
    await this.stores.sessions.createSession({
      tokenHash: sha256(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    return { token, expiresAt }
  }

  /**
   * Sets a new password for a user who proved the current one. Every session of that user
   * ends (a stolen cookie dies with the old password) and a fresh session is returned for the
   * device that made the change, so the person stays signed in there.
   *
   * @example
   * const result = await accounts.changePassword(userId, 'old-password-1', 'new-password-2')
   * if (result === 'wrong_password') throw …
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    now = new Date(),
  ): Promise<
    'wrong_password' | 'same_password' | { token: string; user: UserRecord; expiresAt: Date }
  > {
    const user = await this.stores.users.getUser(userId)
    if (!user || user.disabled || !(await verifyPassword(currentPassword, user.passwordHash))) {
      return 'wrong_password'
    }
    if (currentPassword.normalize('NFC') === newPassword.normalize('NFC')) return 'same_password'
    const updated = await this.stores.users.updateUser(userId, {
      passwordHash: await hashPassword(newPassword),
      updatedAt: now.toISOString(),
    })
    if (!updated) return 'wrong_password'
    await this.stores.sessions.deleteUserSessions(userId)
    return { ...(await this.startSession(userId, now)), user: updated }
  }

  async logout(token: string): Promise<void> {
    await this.stores.sessions.deleteSession(sha256(token))
  }

  async fromSession(token: string, now = new Date()): Promise<Principal | undefined> {
    const session = await this.stores.sessions.getSession(sha256(token))
    if (!session || session.expiresAt <= now.toISOString()) return undefined
    const user = await this.stores.users.getUser(session.userId)
    return user && !user.disabled ? userPrincipal(user) : undefined
  }

  async fromApiKey(key: string, now = new Date()): Promise<Principal | undefined> {
    const parsed = parseApiKey(key)
    if (!parsed) return undefined
    const cached = this.keyCache.get(parsed.id)
    let record = cached?.record
    // Entries expire, so a key revoked by another server process stops working here soon too.
    if (!record || Date.now() - cached!.at > KEY_CACHE_MS) {
      record = await this.stores.keys.getKey(parsed.id)
      if (!record) return undefined
      this.keyCache.set(record.id, { record, at: Date.now() })
    }
    const given = Buffer.from(sha256(parsed.secret), 'hex')
    const stored = Buffer.from(record.secretHash, 'hex')
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined
    if (record.revokedAt !== null) return undefined
    this.noteKeyUse(record.id, now)
    return { kind: 'key', id: record.id, name: record.name, scope: record.scope }
  }

  /**
   * Keeps "last used" for the admin's key list without a store write per evaluation: at most
   * one per key per minute, not awaited (a failed write costs only that minute's mark, and an
   * evaluation must not wait for, or fail on, bookkeeping).
   */
  private noteKeyUse(id: string, now: Date): void {
    const last = this.keyUseWritten.get(id)
    if (last !== undefined && now.getTime() - last < KEY_USE_PRECISION_MS) return
    this.keyUseWritten.set(id, now.getTime())
    this.stores.keys.touchKey(id, now.toISOString()).catch(() => this.keyUseWritten.delete(id))
  }

  async createApiKey(
    name: string,
    createdBy: string,
    now = new Date(),
  ): Promise<{ record: ApiKeyRecord; key: string }> {
    const { id, secret, key } = newApiKey()
    const record: ApiKeyRecord = {
      id,
      name,
      scope: 'evaluate',
      secretHash: sha256(secret),
      createdBy,
      createdAt: now.toISOString(),
      revokedAt: null,
    }
    await this.stores.keys.createKey(record)
    return { record, key }
  }

  async revokeApiKey(id: string, now = new Date()): Promise<ApiKeyRecord | undefined> {
    this.keyCache.delete(id)
    const record = await this.stores.keys.revokeKey(id, now.toISOString())
    this.keyCache.delete(id)
    return record
  }
}
