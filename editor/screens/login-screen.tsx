import { useState, type FormEvent } from 'react'
import { messageOf } from '../api/client.ts'
import { useSession } from '../app/session.tsx'
import { BrandMark } from '../ui/brand-mark.tsx'
import { TextField } from '../ui/text-field.tsx'

/** Sign in with the email and password an admin gave you. */
export function LoginScreen() {
  const { login } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await login(email, password)
    } catch (failure) {
      setError(
        messageOf(failure) === 'wrong email or password'
          ? 'That email and password do not match an account.'
          : messageOf(failure),
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="login">
      <section className="login-story">
        <div className="brand brand-large">
          <BrandMark size={34} inverted />
          leadgate
        </div>
        <h1>One lead definition, signed by marketing and sales.</h1>
        <p>
          Build the rules that decide which leads deserve sales’ time, test them on real leads, and
          publish once both sides agree.
        </p>
        <ul className="login-points">
          <li>Drag criteria, disqualifiers and scores onto a canvas</li>
          <li>See why every lead was accepted, nurtured or rejected</li>
          <li>Each version is approved by both teams before it goes live</li>
        </ul>
      </section>
      <section className="login-panel">
        <form className="login-card card" onSubmit={submit}>
          <h2>Sign in</h2>
          <p className="small muted" style={{ marginBottom: 20 }}>
            Use the account your administrator created for you.
          </p>
          {error && (
            <div className="alert alert-error" role="alert" style={{ marginBottom: 16 }}>
              {error}
            </div>
          )}
          <TextField
            id="login-email"
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
          />
          <TextField
            id="login-password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
          />
          <button
            className="btn btn-primary"
            style={{ width: '100%', marginTop: 8, height: 40 }}
            disabled={busy}
          >
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </section>
    </main>
  )
}
