import type pg from 'pg'
import {
  type ApiKeyRecord,
  type ApiKeyStore,
  type SessionRecord,
  type SessionStore,
  type UserRecord,
  type UserStore,
} from '../types.ts'
import { asConflict, inTransaction } from './transaction.ts'

/**
 * Users, sessions and API keys in PostgreSQL. Email uniqueness (case-insensitive) is the
 * `users_email` index, so two instances cannot create the same user.
 *
 * @example
 * const accounts = new PgAccountStore(pool)
 * await accounts.countUsers() // 0 on a new database
 */
export class PgAccountStore implements UserStore, SessionStore, ApiKeyStore {
  constructor(private readonly pool: pg.Pool) {}

  async countUsers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('select count(*) as n from users')
    return Number(rows[0]!.n)
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.records<UserRecord>('select record from users order by position')
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    return (await this.records<UserRecord>('select record from users where id = $1', [id]))[0]
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const rows = await this.records<UserRecord>(
      'select record from users where lower(email) = lower($1)',
      [email],
    )
    return rows[0]
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      await this.pool.query('insert into users (id, email, record) values ($1, $2, $3)', [
        user.id,
        user.email,
        JSON.stringify(user),
      ])
    } catch (error) {
      throw asConflict(error, `a user with email ${user.email} exists`)
    }
  }

  async updateUser(
    id: string,
    patch: Partial<Omit<UserRecord, 'id'>>,
  ): Promise<UserRecord | undefined> {
    return inTransaction(
      this.pool,
      async (client) => {
        const { rows } = await client.query<{ record: UserRecord }>(
          'select record from users where id = $1 for update',
          [id],
        )
        if (!rows[0]) return undefined
        const next: UserRecord = { ...rows[0].record, ...structuredClone(patch), id }
        await client.query('update users set email = $2, record = $3 where id = $1', [
          id,
          next.email,
          JSON.stringify(next),
        ])
        return next
      },
      `a user with email ${patch.email ?? ''} exists`,
    )
  }

  async deleteUser(id: string): Promise<boolean> {
    // Sessions go with the user (on delete cascade).
    const result = await this.pool.query('delete from users where id = $1', [id])
    return result.rowCount === 1
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.pool.query(
      'insert into sessions (token_hash, user_id, expires_at, record) values ($1, $2, $3, $4)',
      [session.tokenHash, session.userId, session.expiresAt, JSON.stringify(session)],
    )
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const rows = await this.records<SessionRecord>(
      'select record from sessions where token_hash = $1',
      [tokenHash],
    )
    return rows[0]
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('delete from sessions where token_hash = $1', [tokenHash])
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.pool.query('delete from sessions where user_id = $1', [userId])
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.pool.query('delete from sessions where expires_at <= $1', [now.toISOString()])
  }

  async createKey(key: ApiKeyRecord): Promise<void> {
    await this.pool.query('insert into api_keys (id, created_at, record) values ($1, $2, $3)', [
      key.id,
      key.createdAt,
      JSON.stringify(key),
    ])
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return this.records<ApiKeyRecord>('select record from api_keys order by position')
  }

  async getKey(id: string): Promise<ApiKeyRecord | undefined> {
    return (await this.records<ApiKeyRecord>('select record from api_keys where id = $1', [id]))[0]
  }

  async touchKey(id: string, at: string): Promise<void> {
    // One statement, so a revoke running at the same time is not overwritten.
    await this.pool.query(
      `update api_keys
          set record = jsonb_set(record::jsonb, '{lastUsedAt}', to_jsonb($2::text))::json
        where id = $1 and coalesce(record->>'lastUsedAt', '') < $2`,
      [id, at],
    )
  }

  async revokeKey(id: string, at: string): Promise<ApiKeyRecord | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ record: ApiKeyRecord }>(
        'select record from api_keys where id = $1 for update',
        [id],
      )
      const key = rows[0]?.record
      // Revoking twice keeps the first time.
      if (!key || key.revokedAt !== null) return key
      const next = { ...key, revokedAt: at }
      await client.query('update api_keys set record = $2 where id = $1', [
        id,
        JSON.stringify(next),
      ])
      return next
    })
  }

  private async records<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const { rows } = await this.pool.query<{ record: T }>(sql, params)
    return rows.map((row) => row.record)
  }
}
