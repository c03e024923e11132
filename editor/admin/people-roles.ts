import type { Person, Role } from './admin-types.ts'

/** The roles in the order the screens offer them, with what each lets a person do. */
export const roleChoices: { role: Role; label: string; hint: string }[] = [
  { role: 'marketing', label: 'Marketing', hint: 'Edits rulesets and signs off for marketing' },
  { role: 'sales', label: 'Sales', hint: 'Edits rulesets and signs off for sales' },
  { role: 'viewer', label: 'Viewer', hint: 'Reads rulesets and decisions' },
  { role: 'admin', label: 'Admin', hint: 'Manages people and API keys' },
]

/** Roles toggled in a checkbox list, kept in the order of `roleChoices`. */
export function toggleRole(roles: readonly Role[], role: Role, on: boolean): Role[] {
  const next = new Set(roles)
  if (on) next.add(role)
  else next.delete(role)
  return roleChoices.map((choice) => choice.role).filter((candidate) => next.has(candidate))
}

/**
 * An account needs a role: the problem to show before sending one without.
 *
 * @example
 * noRoleProblem([]) // { field: 'roles', message: 'Pick at least one role' }
 * noRoleProblem(['sales']) // null
 */
export const noRoleProblem = (roles: readonly Role[]) =>
  roles.length === 0 ? ({ field: 'roles', message: 'Pick at least one role' } as const) : null

/**
 * What still stands between the team and its first publish, in words: every version needs a
 * marketing approval and a sales approval by two different active people.
 *
 * @example
 * signOffGap([{ roles: ['admin'], disabled: false, … }])
 * // 'Nobody can sign off yet: add a marketing person and a sales person.'
 */
export function signOffGap(
  people: readonly Pick<Person, 'id' | 'roles' | 'disabled'>[],
): string | null {
  const active = people.filter((person) => !person.disabled)
  const marketing = active.filter((person) => person.roles.includes('marketing'))
  const sales = active.filter((person) => person.roles.includes('sales'))
  if (marketing.length === 0 && sales.length === 0) {
    return 'Nobody can sign off yet: add a marketing person and a sales person.'
  }
  if (marketing.length === 0)
    return 'No one can sign off for marketing yet: add a marketing person.'
  if (sales.length === 0) return 'No one can sign off for sales yet: add a sales person.'
  const distinct = marketing.some((m) => sales.some((s) => s.id !== m.id))
  return distinct
    ? null
    : 'Marketing and sales must sign off as two different people: add a second person.'
}

/** A warning before an admin takes the admin role away from themselves. */
export function ownRoleWarning(
  actorId: string,
  person: Person,
  roles: readonly Role[],
): string | null {
  return actorId === person.id && person.roles.includes('admin') && !roles.includes('admin')
    ? 'You are removing your own admin role: you will lose access to this screen at once.'
    : null
}
