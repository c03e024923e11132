import type { UserStore } from '../store/types.ts'
import { MIN_PASSWORD_LENGTH, hashPassword } from './password.ts'
import { randomId, randomToken } from './tokens.ts'

export const DEFAULT_ADMIN_EMAIL = 'admin@leadgate.local'

export interface BootstrapResult {
  email: string
  /** Set only when the password was generated: it must be shown once, then it is gone. */
  generatedPassword: string | null
}

/**
 * Creates the first admin when there are no users. The password comes from the environment,
 * or is generated; there is never a built-in default password.
 *
 * @example
 * const admin = await bootstrapAdmin(users, {}) // { email: 'admin@leadgate.local', generatedPassword: '…' }
 */
export async function bootstrapAdmin(
  users: UserStore,
  env: { email?: string; password?: string },
): Promise<BootstrapResult | null> {
  if ((await users.countUsers()) > 0) return null
  if (env.password !== undefined && env.password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`LEADGATE_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  const email = env.email ?? DEFAULT_ADMIN_EMAIL
  const generatedPassword = env.password === undefined ? randomToken(18) : null
  const now = new Date().toISOString()
  await users.createUser({
    id: randomId('usr'),
    email,
    name: 'Administrator',
    roles: ['admin'],
    passwordHash: await hashPassword(env.password ?? generatedPassword!),
    disabled: false,
    createdAt: now,
    updatedAt: now,
  })
  return { email, generatedPassword }
}
