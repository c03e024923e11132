import { useEffect, useRef, useState } from 'react'
import type { User } from '../api/types.ts'
import { ChangePasswordDialog } from './change-password-dialog.tsx'

/**
 * Who is signed in, as a button that opens their account: email, roles and changing the
 * password. Closes on Escape and on a click elsewhere.
 */
export function AccountMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false)
  const [changing, setChanging] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false)
    window.addEventListener('mousedown', onDown)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('mousedown', onDown)
      window.removeEventListener('keydown', onKey)
    }
  }, [open])
  return (
    <div className="account" ref={ref}>
      <button
        className="user-who account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account: ${user.name}`}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="user-name">{user.name}</span>
        <span className="user-roles">
          {user.roles.map((role) => (
            <span key={role} className={`badge badge-${role}`}>
              {role}
            </span>
          ))}
        </span>
        <span className="account-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="account-popover card" role="menu">
          <div className="account-id">
            <strong>{user.name}</strong>
            <span className="small muted">{user.email}</span>
          </div>
          <button
            role="menuitem"
            className="account-item"
            onClick={() => {
              setOpen(false)
              setChanging(true)
            }}
          >
            Change password…
          </button>
        </div>
      )}
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  )
}
