import type { ReactNode } from 'react'
import { CopyButton } from '../ui/copy-button.tsx'
import { Dialog } from '../ui/dialog.tsx'

/**
 * What a new person needs to sign in, with one button to copy it all. Shown once, right after
 * the admin set the password.
 */
export function SignInDetails({ email, password }: { email: string; password: string }) {
  const address = `${window.location.origin}/`
  const text = `Sign in to leadgate at ${address}\nEmail: ${email}\nPassword: ${password}`
  return (
    <div className="secret-box" data-testid="sign-in-details">
      <dl className="secret-list">
        <dt>Address</dt>
        <dd className="mono">{address}</dd>
        <dt>Email</dt>
        <dd className="mono">{email}</dd>
        <dt>Password</dt>
        <dd className="mono" data-testid="shown-password">
          {password}
        </dd>
      </dl>
      <CopyButton text={text} label="Copy sign-in details" />
    </div>
  )
}

interface SignInDetailsDialogProps {
  title: string
  /** What happened and how to pass the details on. */
  note: ReactNode
  email: string
  password: string
  onClose: () => void
}

/** The last step of adding a person or resetting a password: the details, shown this once. */
export function SignInDetailsDialog({
  title,
  note,
  email,
  password,
  onClose,
}: SignInDetailsDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="small muted" style={{ marginBottom: 12 }}>
        {note}
      </p>
      <SignInDetails email={email} password={password} />
    </Dialog>
  )
}
