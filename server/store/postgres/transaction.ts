import type pg from 'pg'
import { StoreConflictError } from '../types.ts'

/**
 * Runs `work` in one transaction on one pooled connection: commit when it returns, rollback
 * when it throws. A unique violation (SQLSTATE 23505) becomes a `StoreConflictError`.
 *
 * @example
 * await inTransaction(pool, (client) => client.query('update users set ...'))
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  conflictMessage = 'a conflicting change was stored meanwhile',
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw asConflict(error, conflictMessage)
  } finally {
    client.release()
  }
}

/** Maps a unique violation to `StoreConflictError`; other errors pass through. */
export function asConflict(error: unknown, message: string): unknown {
  return (error as { code?: string } | null)?.code === '23505'
    ? new StoreConflictError(message)
    : error
}
