import type { ComponentProps } from 'react'
import { TextField } from './text-field.tsx'

type FormTextFieldProps = Omit<ComponentProps<typeof TextField>, 'invalid'> & {
  /** What the server (or the form) says is wrong with this value; replaces the hint. */
  error?: string | undefined
}

/**
 * A `TextField` in a form the server checks: its complaint about the field is shown under it,
 * in red and announced, and the input is marked invalid.
 *
 * @example
 * <FormTextField id="person-email" label="Email" type="email" value={email}
 *   onChange={setEmail} error={errors.fields.email} />
 */
export function FormTextField({ error, hint, ...props }: FormTextFieldProps) {
  return (
    <TextField
      {...props}
      invalid={error !== undefined}
      hint={
        error === undefined ? (
          hint
        ) : (
          <span className="field-error" role="alert">
            {error}
          </span>
        )
      }
    />
  )
}
