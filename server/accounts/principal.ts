import type { ApiKeyRecord, Role, UserRecord } from '../store/types.ts'

/** Who is calling: a signed-in person, or a system with an API key. */
export type Principal =
  | { kind: 'user'; id: string; email: string; name: string; roles: Role[] }
  | { kind: 'key'; id: string; name: string; scope: ApiKeyRecord['scope'] }

/** A user as the API shows it: never the password hash. */
export interface PublicUser {
  id: string
  email: string
  name: string
  roles: Role[]
  disabled: boolean
  createdAt: string
  updatedAt: string
}

export const publicUser = ({ passwordHash: _hash, ...user }: UserRecord): PublicUser => user

export const userPrincipal = (user: UserRecord): Principal => ({
  kind: 'user',
  id: user.id,
  email: user.email,
  name: user.name,
  roles: [...user.roles],
})

export const hasAnyRole = (principal: Principal | undefined, wanted: readonly Role[]): boolean =>
  principal?.kind === 'user' && principal.roles.some((role) => wanted.includes(role))
