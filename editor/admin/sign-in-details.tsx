import { CopyButton } from '../ui/copy-button.tsx'

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
