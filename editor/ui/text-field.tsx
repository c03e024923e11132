interface TextFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  type?: string
  placeholder?: string
  autoComplete?: string
  hint?: string
}

/** A labelled input with the server's complaint about it (or a hint) underneath. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, error, type, placeholder, autoComplete, hint } = props
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={error ? 'input invalid' : 'input'}
        type={type ?? 'text'}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <span id={`${id}-error`} className="field-hint field-error" role="alert">
          {error}
        </span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </div>
  )
}
