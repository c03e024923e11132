/**
 * A copy of `value` without `keys`: how a node's own fields are separated from its id, kind
 * and position when it becomes a rule, a persona or the policy.
 *
 * @example
 * omit({ id: 'n-1', kind: 'gate', gate: 'all' }, ['id', 'kind']) // { gate: 'all' }
 */
export function omit<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Omit<T, K> {
  const copy = { ...value }
  for (const key of keys) delete copy[key]
  return copy
}
