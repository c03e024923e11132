import type { Low } from 'lowdb'
import {
  StoreConflictError,
  type ApiKeyRecord,
  type ApiKeyStore,
  type SessionRecord,
  type SessionStore,
  type UserRecord,
  type UserStore,
} from '../types.ts'
import { openJsonDatabase } from './json-database.ts'

interface AccountData {
  users: UserRecord[]
  sessions: SessionRecord[]
  keys: ApiKeyRecord[]
}

/** Users, sessions and API keys in one lowdb file (`accounts.json`). */
export class LowdbAccountStore implements UserStore, SessionStore, ApiKeyStore {
  private constructor(private readonly db: Low<AccountData>) {}

  static async open(file: string): Promise<LowdbAccountStore> {
    return new LowdbAccountStore(
      await openJsonDatabase<AccountData>(file, { users: [], sessions: [], keys: [] }),
    )
  }

  private get data(): AccountData {
    return this.db.data
  }

  async countUsers(): Promise<number> {
    return this.data.users.length
  }

  async listUsers(): Promise<UserRecord[]> {
    return structuredClone(this.data.users)
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const user = this.data.users.find((candidate) => candidate.id === id)
    return user && structuredClone(user)
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const wanted = email.toLowerCase()
    const user = this.data.users.find((candidate) => candidate.email.toLowerCase() === wanted)
    return user && structuredClone(user)
  }

  async createUser(user: UserRecord): Promise<void> {
    const email = user.email.toLowerCase()
    if (this.data.users.some((candidate) => candidate.email.toLowerCase() === email)) {
      throw new StoreConflictError(`a user with email ${user.email} exists`)
    }
    this.data.users.push(structuredClone(user))
    await this.db.write()
  }

  async updateUser(
    id: string,
    patch: Partial<Omit<UserRecord, 'id'>>,
  ): Promise<UserRecord | undefined> {
    const at = this.data.users.findIndex((candidate) => candidate.id === id)
    if (at < 0) return undefined
    if (patch.email !== undefined) {
      const email = patch.email.toLowerCase()
      const taken = this.data.users.some(
        (candidate) => candidate.id !== id && candidate.email.toLowerCase() === email,
      )
      if (taken) throw new StoreConflictError(`a user with email ${patch.email} exists`)
    }
    const next = { ...this.data.users[at]!, ...structuredClone(patch), id }
    this.data.users[at] = next
    await this.db.write()
    return structuredClone(next)
  }

  async deleteUser(id: string): Promise<boolean> {
    const before = this.data.users.length
    this.data.users = this.data.users.filter((user) => user.id !== id)
    this.data.sessions = this.data.sessions.filter((session) => session.userId !== id)
    if (this.data.users.length === before) return false
    await this.db.write()
    return true
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.data.sessions.push({ ...session })
    await this.db.write()
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const session = this.data.sessions.find((candidate) => candidate.tokenHash === tokenHash)
    return session && { ...session }
  }

  async deleteSession(tokenHash: string): Promise<void> {
    const before = this.data.sessions.length
    this.data.sessions = this.data.sessions.filter((session) => session.tokenHash !== tokenHash)
    if (this.data.sessions.length !== before) await this.db.write()
  }

  async deleteUserSessions(userId: string): Promise<void> {
    const before = this.data.sessions.length
    this.data.sessions = this.data.sessions.filter((session) => session.userId !== userId)
    if (this.data.sessions.length !== before) await this.db.write()
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    const before = this.data.sessions.length
    const cutoff = now.toISOString()
    this.data.sessions = this.data.sessions.filter((session) => session.expiresAt > cutoff)
    if (this.data.sessions.length !== before) await this.db.write()
  }

  async createKey(key: ApiKeyRecord): Promise<void> {
    this.data.keys.push({ ...key })
    await this.db.write()
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return this.data.keys.map((key) => ({ ...key }))
  }

  async getKey(id: string): Promise<ApiKeyRecord | undefined> {
    const key = this.data.keys.find((candidate) => candidate.id === id)
    return key && { ...key }
  }

  async touchKey(id: string, at: string): Promise<void> {
    const key = this.data.keys.find((candidate) => candidate.id === id)
    if (!key || (key.lastUsedAt ?? '') >= at) return
    key.lastUsedAt = at
    await this.db.write()
  }

  async revokeKey(id: string, at: string): Promise<ApiKeyRecord | undefined> {
    const key = this.data.keys.find((candidate) => candidate.id === id)
    if (!key) return undefined
    if (key.revokedAt === null) {
      key.revokedAt = at
      await this.db.write()
    }
    return { ...key }
  }
}
