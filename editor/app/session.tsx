import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { client, unwrap } from '../api/client.ts'
import type { User } from '../api/types.ts'

type SessionState =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: User }

interface Session {
  state: SessionState
  login(email: string, password: string): Promise<void>
  logout(): Promise<void>
  /** Reads the signed-in user again, after their name or roles changed. */
  refresh(): Promise<void>
}

const SessionContext = createContext<Session | null>(null)

/** Who is signed in; the session itself is an HttpOnly cookie the page never sees. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  useEffect(() => {
    unwrap(client.api.auth.me.$get())
      .then((me) => setState({ status: 'signed-in', user: me.user }))
      .catch(() => setState({ status: 'anonymous' }))
  }, [])
  const login = useCallback(async (email: string, password: string) => {
    const me = await unwrap(client.api.auth.login.$post({ json: { email, password } }))
    setState({ status: 'signed-in', user: me.user })
  }, [])
  const logout = useCallback(async () => {
    await client.api.auth.logout.$post().catch(() => undefined)
    setState({ status: 'anonymous' })
  }, [])
  const refresh = useCallback(async () => {
    const me = await unwrap(client.api.auth.me.$get())
    setState({ status: 'signed-in', user: me.user })
  }, [])
  return (
    <SessionContext.Provider value={{ state, login, logout, refresh }}>
      {children}
    </SessionContext.Provider>
  )
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession needs a SessionProvider')
  return session
}

/** The signed-in user; only used below the sign-in gate. */
export function useUser(): User {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('not signed in')
  return state.user
}

export const canEdit = (user: User) =>
  user.roles.some((role) => role === 'marketing' || role === 'sales' || role === 'admin')

/** The side a user's new rules belong to; marketing first for someone holding both. */
export const sideOf = (user: User): 'marketing' | 'sales' =>
  user.roles.includes('marketing')
    ? 'marketing'
    : user.roles.includes('sales')
      ? 'sales'
      : 'marketing'
