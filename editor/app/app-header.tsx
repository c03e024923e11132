import type { ReactNode } from 'react'
import { BrandMark } from '../ui/brand-mark.tsx'
import { hrefOf, useRoute } from './hash-route.ts'
import { useSession, useUser } from './session.tsx'

/** The top bar: brand, where you are, who you are. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const user = useUser()
  const { logout } = useSession()
  const route = useRoute()
  const auditing = route.name === 'audit' || route.name === 'decision' || route.name === 'replay'
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span className="brand-mark">
          <BrandMark size={26} />
        </span>
        leadgate
      </a>
      <nav className="app-nav" aria-label="Sections">
        <a href={hrefOf({ name: 'list' })} aria-current={auditing ? undefined : 'page'}>
          Rulesets
        </a>
        <a
          href={hrefOf({ name: 'audit', filters: {} })}
          aria-current={auditing ? 'page' : undefined}
        >
          Decisions
        </a>
      </nav>
      <nav className="crumbs" aria-label="Breadcrumbs">
        {children}
      </nav>
      <div className="user-menu">
        <div className="user-who">
          <span className="user-name">{user.name}</span>
          <span className="user-roles">
            {user.roles.map((role) => (
              <span key={role} className={`badge badge-${role}`}>
                {role}
              </span>
            ))}
          </span>
        </div>
        <button className="btn btn-ghost btn-small" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  )
}
