import type { ReactNode } from 'react'
import { Field } from './field.tsx'

interface TextFieldProps {
  id: string
  label: ReactNode
  value: string
  onChange: (text: string) => void
  /** Called with the text as it stands when the control loses focus, e.g. to tidy it. */
  onBlur?: (text: string) => void
  hint?: ReactNode
  placeholder?: string
  disabled?: boolean
  /** A textarea, for prose and one-item-a-line lists. */
  multiline?: boolean
  /** Monospace, for ids that systems read. */
  mono?: boolean
  /** Marked as wrong; the message that says why is shown elsewhere. */
  invalid?: boolean
  /** The input's type, where it is not plain text (the browser then helps: keyboard, picker). */
  type?: 'email' | 'password' | 'number' | 'date'
  autoComplete?: string
  required?: boolean
  maxLength?: number
  min?: number
}

/**
 * A labelled one-line input or textarea whose value is its text.
 *
 * @example
 * <TextField
 *   id="rule-name"
 *   label="Rule name"
 *   value={data.name}
 *   disabled={disabled}
 *   onChange={(name) => update(id, { name }, 'name')}
 * />
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  hint,
  multiline,
  mono,
  invalid,
  type,
  min,
  ...attributes
}: TextFieldProps) {
  const common = {
    id,
    className: [multiline ? 'textarea' : 'input', mono && 'mono', invalid && 'invalid']
      .filter(Boolean)
      .join(' '),
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onBlur: onBlur && ((event: { target: { value: string } }) => onBlur(event.target.value)),
  }
  return (
    <Field htmlFor={id} label={label} hint={hint}>
      {multiline ? (
        <textarea {...common} {...attributes} />
      ) : (
        <input type={type} min={min} {...common} {...attributes} />
      )}
    </Field>
  )
}
