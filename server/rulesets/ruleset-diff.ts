import type { Persona, Rule, Ruleset } from '../../engine/index.ts'
import { canonicalJson } from './content-hash.ts'

export interface FieldChange {
  /** Where inside the rule, persona or section: `when.all[0].value`, `acceptAt`. */
  path: string
  before: unknown
  after: unknown
}

export interface ItemDiff<T> {
  added: T[]
  removed: T[]
  changed: { id: string; name: string; changes: FieldChange[] }[]
}

export interface RulesetDiff {
  from: number
  to: number
  rules: ItemDiff<Rule>
  personas: ItemDiff<Persona>
  policy: FieldChange[]
  lists: FieldChange[]
  fields: FieldChange[]
  /** Name, description and change note. */
  about: FieldChange[]
}

/**
 * What changed between two versions, the way reviewers read it: rules and personas matched by
 * id (added, removed, changed with each field's before and after), then policy, lists,
 * custom fields and the descriptive text. Editor layout is left out.
 *
 * @example
 * diffRulesets(v3, v4).rules.changed[0] // { id: 'min-employees', changes: [{ path: 'when.all[0].value', before: 50, after: 100 }] }
 */
export function diffRulesets(before: Ruleset, after: Ruleset): RulesetDiff {
  return {
    from: before.version,
    to: after.version,
    rules: diffItems(before.rules, after.rules),
    personas: diffItems(before.personas, after.personas),
    policy: diffValues(before.policy, after.policy, ''),
    lists: diffValues(before.lists, after.lists, ''),
    fields: diffValues(before.fields, after.fields, ''),
    about: (['name', 'description', 'changeNote'] as const).flatMap((key) =>
      diffValues(before[key], after[key], key),
    ),
  }
}

function diffItems<T extends { id: string; name: string }>(
  before: readonly T[],
  after: readonly T[],
): ItemDiff<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]))
  const afterIds = new Set(after.map((item) => item.id))
  const diff: ItemDiff<T> = {
    added: after.filter((item) => !beforeById.has(item.id)),
    removed: before.filter((item) => !afterIds.has(item.id)),
    changed: [],
  }
  for (const item of after) {
    const previous = beforeById.get(item.id)
    if (!previous) continue
    const changes = diffValues(previous, item, '')
    if (changes.length > 0) diff.changed.push({ id: item.id, name: item.name, changes })
  }
  return diff
}

/** Field-level differences, descending into objects and arrays to the deepest changed value. */
export function diffValues(before: unknown, after: unknown, path: string): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((key) =>
      diffValues(before[key], after[key], path === '' ? key : `${path}.${key}`),
    )
  }
  if (Array.isArray(before) && Array.isArray(after) && sameShape(before, after)) {
    return before.flatMap((item, at) => diffValues(item, after[at], `${path}[${at}]`))
  }
  if (canonicalJson(before) === canonicalJson(after)) return []
  return [{ path, before: before ?? null, after: after ?? null }]
}

/** Arrays of one length compare item by item; otherwise the whole array is the change. */
function sameShape(before: unknown[], after: unknown[]): boolean {
  return before.length === after.length
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
