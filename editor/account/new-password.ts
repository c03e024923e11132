/** Shortest password the server accepts (server/accounts/password.ts); checked there too. */
export const MIN_PASSWORD_LENGTH = 10

/**
 * What is wrong with a new password before it goes to the server, if anything, and which
 * field to show it under. The server checks again; this only saves a round trip and catches
 * a typo in the repeat, which the server never sees.
 *
 * @example
 * newPasswordProblem('old-password', 'short', 'short')
 * // { field: 'newPassword', message: 'Use at least 10 characters' }
 */
export function newPasswordProblem(
  current: string,
  next: string,
  repeat: string,
): { field: 'currentPassword' | 'newPassword' | 'repeat'; message: string } | null {
  if (!current) return { field: 'currentPassword', message: 'Type your current password' }
  if (next.length < MIN_PASSWORD_LENGTH) {
    return { field: 'newPassword', message: `Use at least ${MIN_PASSWORD_LENGTH} characters` }
  }
  if (next === current) {
    return { field: 'newPassword', message: 'Choose a password different from the current one' }
  }
  if (repeat !== next) return { field: 'repeat', message: 'The two new passwords differ' }
  return null
}
