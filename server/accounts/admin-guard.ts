import { conflict } from '../http/api-error.ts'
import type { UserRecord, UserStore } from '../store/types.ts'

/**
 * Keeps the server manageable: someone must always be able to sign in as an active admin.
 *
 * Checking "is another admin left?" and then writing is a race: two admins demoting each other
 * at the same moment would both see the other still in place and both succeed, leaving none.
 * So every change that can take an admin away runs one at a time through `exclusive`, with the
 * check inside. The queue is per process, which covers the embedded store; several server
 * processes on one PostgreSQL database could still race here (noted in README).
 *
 * @example
 * const guard = new AdminGuard(users)
 * await guard.exclusive(async () => {
 *   await guard.assertAdminRemains(current, next)
 *   await users.updateUser(current.id, next)
 * })
 */
export class AdminGuard {
  private tail: Promise<unknown> = Promise.resolve()

  constructor(private readonly users: UserStore) {}

  /** Runs `change` after every change queued before it has finished. */
  exclusive<T>(change: () => Promise<T>): Promise<T> {
    const run = this.tail.then(change, change)
    this.tail = run.catch(() => undefined)
    return run
  }

  /**
   * Throws 409 `last_admin` when `before` is an active admin and, once it becomes `after`
   * (undefined: deleted), no active admin would be left.
   */
  async assertAdminRemains(before: UserRecord, after?: Partial<UserRecord>): Promise<void> {
    const next = after && { ...before, ...after }
    const stillAdmin = next !== undefined && !next.disabled && next.roles.includes('admin')
    if (stillAdmin || !isActiveAdmin(before)) return
    const others = (await this.users.listUsers()).filter(
      (user) => user.id !== before.id && isActiveAdmin(user),
    )
    if (others.length === 0) {
      throw conflict(
        'last_admin',
        `${before.name} is the last active admin; make someone else an admin first`,
        { userId: before.id },
      )
    }
  }
}

const isActiveAdmin = (user: UserRecord) => !user.disabled && user.roles.includes('admin')

/**
 * An admin cannot delete or disable the account they are signed in with: it would end their
 * own session in the middle of the screen they are using. Another admin can.
 */
export function assertNotOwnAccount(actorId: string, target: UserRecord, action: string): void {
  if (actorId === target.id) {
    throw conflict('own_account', `you cannot ${action} your own account; ask another admin`, {
      userId: target.id,
    })
  }
}
