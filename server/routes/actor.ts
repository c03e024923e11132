import type { Context } from 'hono'
import type { Principal } from '../accounts/principal.ts'
import type { AppEnv } from '../app-env.ts'
import { unauthenticated } from '../http/api-error.ts'
import type { Actor } from '../rulesets/version-record.ts'

/** The signed-in user behind a request that `requireUser` let through. */
export function userOf(c: Context<AppEnv>): Extract<Principal, { kind: 'user' }> {
  const principal = c.get('principal')
  if (principal?.kind !== 'user') throw unauthenticated()
  return principal
}

export const actorOf = (c: Context<AppEnv>): Actor => {
  const user = userOf(c)
  return { id: user.id, email: user.email }
}
