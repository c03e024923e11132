import { ApiError, issuesOf, messageOf } from '../api/client.ts'

/** What a form shows after the server refused it: a message per field, and one for the rest. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  general: string | null
}

export const noErrors = { fields: {}, general: null } as const

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Messages for error codes the server gives without field issues, by the field they concern. */
const codeFields: Record<string, { field: string; message: string }> = {
  email_taken: { field: 'email', message: 'Someone already has an account with this email' },
}

/**
 * Puts the server's answer next to the fields it names. `details.issues` paths such as
 * `password` or `roles[0]` go to the form field they start with; issues about other paths, and
 * errors with no field (last admin, network), become the general message.
 *
 * @example
 * formErrorsOf(error, ['email', 'password'])
 * // { fields: { password: 'Use at least 10 characters' }, general: null }
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
): FormErrors<F> {
  const known = new Set<string>(fields)
  const result: FormErrors<F> = { fields: {}, general: null }
  const byCode = error instanceof ApiError ? codeFields[error.code] : undefined
  if (byCode && known.has(byCode.field)) {
    result.fields[byCode.field as F] = byCode.message
    return result
  }
  const issues = issuesOf(error)
  if (issues.length === 0) return { fields: {}, general: messageOf(error) }
  const rest: string[] = []
  for (const issue of issues) {
    const field = issue.path.split(/[.[]/)[0] ?? ''
    if (known.has(field)) result.fields[field as F] ??= sentence(issue.message)
    else rest.push(issue.path ? `${issue.path}: ${issue.message}` : sentence(issue.message))
  }
  if (rest.length > 0) result.general = rest.join('; ')
  return result
}
