import type { ReactNode } from 'react'

interface FieldProps {
  label: ReactNode
  /**
   * The id of the control the label names. Without it the label is plain text, for controls
   * that name themselves (a NumberInput's `aria-label`, a group of buttons).
   */
  htmlFor?: string
  /** A line under the control that says what the value means or how to write it. */
  hint?: ReactNode
  children: ReactNode
}

/**
 * One labelled row of a form: the label, the control, and an optional hint under it.
 *
 * @example
 * <Field htmlFor="rule-kind" label="What it does" hint={kindHelp[data.ruleKind]}>
 *   <select id="rule-kind" className="select" value={data.ruleKind} onChange={onKind}>…</select>
 * </Field>
 */
export function Field({ label, htmlFor, hint, children }: FieldProps) {
  return (
    <div className="field">
      {htmlFor ? (
        <label htmlFor={htmlFor}>{label}</label>
      ) : (
        <span className="field-label">{label}</span>
      )}
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  )
}
