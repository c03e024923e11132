import { useState } from 'react'
import { CopyButton } from '../ui/copy-button.tsx'
import { generatePassword } from './generate-password.ts'

interface PasswordChoiceProps {
  id: string
  label: string
  value: string
  onChange: (password: string) => void
  error?: string | undefined
}

/**
 * A password an admin hands over: a generated one by default (shown here, copied once, never
 * shown again after the dialog closes), or one typed by the admin.
 */
export function PasswordChoice({ id, label, value, onChange, error }: PasswordChoiceProps) {
  const [mode, setMode] = useState<'generate' | 'type'>('generate')
  const choose = (next: 'generate' | 'type') => {
    setMode(next)
    onChange(next === 'generate' ? generatePassword() : '')
  }
  return (
    <div className="field">
      <div className="password-choice-head">
        <label htmlFor={id}>{label}</label>
        <div className="segmented" role="group" aria-label="How to set the password">
          <button
            type="button"
            aria-pressed={mode === 'generate'}
            onClick={() => choose('generate')}
          >
            Generate
          </button>
          <button type="button" aria-pressed={mode === 'type'} onClick={() => choose('type')}>
            Type one
          </button>
        </div>
      </div>
      {mode === 'generate' ? (
        <div className="secret-row">
          <input id={id} className="input mono" readOnly value={value} />
          <CopyButton text={value} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(generatePassword())}
          >
            New one
          </button>
        </div>
      ) : (
        <input
          id={id}
          className={error ? 'input invalid' : 'input'}
          type="password"
          autoComplete="new-password"
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error ? (
        <span className="field-hint field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-hint">
          {mode === 'generate'
            ? 'Copy it now and hand it over privately; it is not shown again. They can change it after signing in.'
            : 'At least 10 characters.'}
        </span>
      )}
    </div>
  )
}
