import { forbiddenKeyIssues, schemaIssues } from './document-issues.ts'
import { RulesetValidationError, type RulesetIssue } from './errors.ts'
import { catalogFor, hasFieldType, type FieldSpec } from './field-catalog.ts'
import { checkSatisfiable } from './never-matches.ts'
import { closest, operatorSpec } from './operators.ts'
import {
  isAll,
  isAny,
  isListRef,
  isNot,
  type Condition,
  type LeafCondition,
} from './schema/condition.ts'
import { rulesetSchema, type Ruleset } from './schema/ruleset.ts'

export type ValidationResult =
  | { ok: true; ruleset: Ruleset; warnings: RulesetIssue[] }
  | { ok: false; errors: RulesetIssue[]; warnings: RulesetIssue[] }

/**
 * Checks a ruleset document: its shape (zod), then what a shape cannot say: duplicate ids,
 * missing lists, operators on facts of the wrong type, thresholds in the wrong order, score
 * rules without points; and, as warnings, conditions that can never hold and unknown facts.
 *
 * @example
 * const result = validateRuleset(JSON.parse(text))
 * if (!result.ok) console.error(result.errors.map((e) => `${e.path}: ${e.message}`))
 */
export function validateRuleset(input: unknown): ValidationResult {
  // zod silently drops a `__proto__` key; refuse it (and its siblings) by name instead.
  const forbidden = forbiddenKeyIssues(input)
  const parsed = rulesetSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      errors: [...forbidden, ...parsed.error.issues.flatMap(schemaIssues)],
      warnings: [],
    }
  }
  if (forbidden.length > 0) return { ok: false, errors: forbidden, warnings: [] }
  const issues = semanticIssues(parsed.data)
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, ruleset: parsed.data, warnings }
}

/** Like `validateRuleset`, but throws `RulesetValidationError` on errors. */
export function parseRuleset(input: unknown): Ruleset {
  const result = validateRuleset(input)
  if (!result.ok) throw new RulesetValidationError([...result.errors, ...result.warnings])
  return result.ruleset
}

export function semanticIssues(ruleset: Ruleset): RulesetIssue[] {
  const issues: RulesetIssue[] = []
  const error = (path: string, code: string, message: string) =>
    issues.push({ path, message, code, severity: 'error' })
  const warn = (path: string, code: string, message: string) =>
    issues.push({ path, message, code, severity: 'warning' })
  const catalog = catalogFor(ruleset)

  const { acceptAt, nurtureAt } = ruleset.policy
  if (acceptAt < nurtureAt) {
    error(
      'policy.acceptAt',
      'thresholds',
      `acceptAt (${acceptAt}) is below nurtureAt (${nurtureAt}); accepting must need at least the nurture score`,
    )
  }

  duplicates(ruleset.rules.map((rule) => rule.id)).forEach((at) =>
    error(
      `rules[${at}].id`,
      'duplicate_id',
      `rule id "${ruleset.rules[at]!.id}" is used by another rule`,
    ),
  )
  duplicates(ruleset.personas.map((persona) => persona.id)).forEach((at) =>
    error(
      `personas[${at}].id`,
      'duplicate_id',
      `persona id "${ruleset.personas[at]!.id}" is used by another persona`,
    ),
  )

  ruleset.rules.forEach((rule, at) => {
    const base = `rules[${at}]`
    if (rule.kind === 'score' && rule.points === undefined) {
      error(`${base}.points`, 'missing_points', `score rule "${rule.id}" needs points`)
    }
    if (rule.kind !== 'score' && rule.points !== undefined) {
      warn(
        `${base}.points`,
        'unused_points',
        `points only count on score rules; "${rule.id}" is a ${rule.kind} rule`,
      )
    }
    checkCondition(rule.when, `${base}.when`, ruleset, catalog, error, warn)
  })
  ruleset.personas.forEach((persona, at) =>
    checkCondition(persona.match, `personas[${at}].match`, ruleset, catalog, error, warn),
  )

  const hasScore = ruleset.rules.some((rule) => rule.kind === 'score' && (rule.points ?? 0) > 0)
  if (!hasScore && acceptAt > 0) {
    warn(
      'policy.acceptAt',
      'unreachable_accept',
      `no score rule gives points, so no lead can reach acceptAt ${acceptAt}`,
    )
  }
  return issues
}

type Report = (path: string, code: string, message: string) => void

function checkCondition(
  condition: Condition,
  path: string,
  ruleset: Ruleset,
  catalog: ReadonlyMap<string, FieldSpec>,
  error: Report,
  warn: Report,
): void {
  if (isAll(condition) || isAny(condition)) {
    const gate = isAll(condition) ? 'all' : 'any'
    const members = isAll(condition) ? condition.all : condition.any
    members.forEach((member, at) =>
      checkCondition(member, `${path}.${gate}[${at}]`, ruleset, catalog, error, warn),
    )
    if (gate === 'all') checkSatisfiable(members, path, warn)
    return
  }
  if (isNot(condition)) {
    checkCondition(condition.not, `${path}.not`, ruleset, catalog, error, warn)
    return
  }
  checkLeaf(condition, path, ruleset, catalog, error, warn)
}

function checkLeaf(
  leaf: LeafCondition,
  path: string,
  ruleset: Ruleset,
  catalog: ReadonlyMap<string, FieldSpec>,
  error: Report,
  warn: Report,
): void {
  const spec = operatorSpec(leaf.operator)
  const field = catalog.get(leaf.fact)
  if (!field) {
    const hint = closest(leaf.fact, catalog.keys())
    warn(
      `${path}.fact`,
      'unknown_fact',
      `"${leaf.fact}" is not in the field catalog${hint ? `; did you mean "${hint}"?` : ''}`,
    )
  } else if (!spec.factTypes.includes(field.type)) {
    const fitting = ['equal', 'in', 'greaterThanInclusive', 'containsAny', 'titleHasAny']
      .filter((name) =>
        operatorSpec(name as LeafCondition['operator']).factTypes.includes(field.type),
      )
      .map((name) => `"${name}"`)
    error(
      `${path}.operator`,
      'operator_type',
      `"${leaf.operator}" does not apply to ${field.label}, ${fieldKind[field.type]}${fitting.length ? `; use ${orList(fitting)}` : ''}`,
    )
    // The value cannot be judged against an operator that does not fit the field.
    return
  }

  const value = leaf.value
  if (isListRef(value)) {
    if (!Object.hasOwn(ruleset.lists, value.list)) {
      const hint = closest(value.list, Object.keys(ruleset.lists))
      error(
        `${path}.value.list`,
        'missing_list',
        `no list named "${value.list}"${hint ? `; did you mean "${hint}"?` : ''}`,
      )
    } else if (spec.value === 'none') {
      warn(`${path}.value`, 'unused_value', `"${leaf.operator}" takes no value; it is ignored`)
    } else if (spec.value !== 'array' && spec.value !== 'text') {
      error(
        `${path}.value`,
        'value_shape',
        `"${leaf.operator}" compares with one value, not a list`,
      )
    }
    return
  }
  if (spec.value === 'none' && value !== undefined) {
    warn(`${path}.value`, 'unused_value', `"${leaf.operator}" takes no value; it is ignored`)
    return
  }
  const shapeError = valueShapeError(spec.value, value)
  if (shapeError) {
    error(`${path}.value`, 'value_shape', `"${leaf.operator}" ${shapeError}`)
    return
  }
  if (value === null) {
    // json-rules-engine users write `equal null` for "not filled in"; here a blank fact is
    // unknown, never null, so the condition could never hold as meant.
    warn(
      `${path}.value`,
      'null_value',
      `null never matches: a missing value is unknown, not null; use "exists" to ask whether ${field?.label ?? leaf.fact} is known`,
    )
    return
  }
  if (field && comparesValue.has(leaf.operator) && checkValueType(field, value, path, error)) {
    return
  }
  if (field?.type === 'enum' && field.options) checkOptions(field, value, path, warn)
}

/** Operators that compare the fact with the value strictly, as json-rules-engine does. */
const comparesValue: ReadonlySet<string> = new Set(['equal', 'notEqual', 'in', 'notIn'])

/**
 * `"50"` never equals 50: a value of another type than the field's can never match under
 * strict comparison, which is a mistake, not a rule. Returns whether it reported one.
 */
function checkValueType(field: FieldSpec, value: unknown, path: string, error: Report): boolean {
  const given = Array.isArray(value) ? value : [value]
  let reported = false
  given.forEach((item, at) => {
    if (item === null || hasFieldType(field.type, item)) return
    const numeric = field.type === 'number' && typeof item === 'string' && item.trim() !== ''
    const hint =
      numeric && Number.isFinite(Number(item)) ? `; write ${Number(item)} without quotes` : ''
    error(
      Array.isArray(value) ? `${path}.value[${at}]` : `${path}.value`,
      'value_type',
      `${field.label} holds ${fieldValues[field.type]}, so ${JSON.stringify(item)} can never match${hint}`,
    )
    reported = true
  })
  return reported
}

function checkOptions(field: FieldSpec, value: unknown, path: string, warn: Report): void {
  const known = field.options!.map((option) => option.value)
  const given = Array.isArray(value) ? value : [value]
  given.forEach((item, at) => {
    if (typeof item !== 'string' || known.includes(item)) return
    const hint = closest(item, known)
    const where = Array.isArray(value) ? `${path}.value[${at}]` : `${path}.value`
    warn(
      where,
      'unknown_value',
      `${field.label} has no value "${item}"${hint ? `; did you mean "${hint}"?` : ''}`,
    )
  })
}

function valueShapeError(
  shape: ReturnType<typeof operatorSpec>['value'],
  value: unknown,
): string | undefined {
  switch (shape) {
    case 'none':
      return undefined
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'needs a number'
    case 'scalar':
      return value === undefined || Array.isArray(value)
        ? 'needs one value (text, number or yes/no)'
        : undefined
    case 'text':
      return typeof value === 'string' && value !== '' ? undefined : 'needs a non-empty text'
    case 'array':
      return Array.isArray(value) && value.length > 0
        ? undefined
        : 'needs a non-empty list of values'
    case 'range':
      if (
        !Array.isArray(value) ||
        value.length !== 2 ||
        value.some((item) => typeof item !== 'number')
      ) {
        return 'needs two numbers, [low, high]'
      }
      return (value[0] as number) > (value[1] as number) ? 'needs low ≤ high' : undefined
  }
}

const fieldKind: Record<FieldSpec['type'], string> = {
  string: 'a text field',
  number: 'a number field',
  boolean: 'a yes/no field',
  enum: 'a pick-list',
  list: 'a list',
}

const fieldValues: Record<FieldSpec['type'], string> = {
  string: 'text',
  number: 'numbers',
  boolean: 'yes/no values',
  enum: 'pick-list values',
  list: 'lists',
}

/** `"a", "b" or "c"`. */
const orList = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>()
  const repeated: number[] = []
  ids.forEach((id, at) => {
    if (seen.has(id)) repeated.push(at)
    seen.add(id)
  })
  return repeated
}
