import type { ReactNode } from 'react'
import { AccountMenu } from '../account/account-menu.tsx'
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
        <a
          href={hrefOf({ name: 'list' })}
          aria-current={auditing || route.name === 'admin' ? undefined : 'page'}
        >
          Rulesets
        </a>
        <a
          href={hrefOf({ name: 'audit', filters: {} })}
          aria-current={auditing ? 'page' : undefined}
        >
          Decisions
        </a>
        {user.roles.includes('admin') && (
          <a
            href={hrefOf({ name: 'admin', tab: 'people' })}
            aria-current={route.name === 'admin' ? 'page' : undefined}
          >
            Admin
          </a>
        )}
      </nav>
      <nav className="crumbs" aria-label="Breadcrumbs">
        {children}
      </nav>
      <div className="user-menu">
        <AccountMenu user={user} />
        <button className="btn btn-ghost btn-small" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  )
}
