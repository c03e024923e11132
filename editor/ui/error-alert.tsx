import type { ReactNode } from 'react'

/**
 * A form's error that belongs to no single field ("the last admin cannot be removed"), shown
 * above the form and announced to screen readers; nothing when there is none.
 *
 * @example
 * <ErrorAlert message={errors.general} />
 */
export function ErrorAlert({ message }: { message: ReactNode }) {
  if (!message) return null
  return (
    <div className="alert alert-error" role="alert" style={{ marginBottom: 12 }}>
      {message}
    </div>
  )
}
