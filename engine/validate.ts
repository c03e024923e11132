import { formatPath, RulesetValidationError, type RulesetIssue } from './errors.ts'
import { catalogFor, hasFieldType, type FieldSpec } from './field-catalog.ts'
import { closest, operatorSpec } from './operators.ts'
import type { z } from 'zod'
import {
  forbiddenKeys,
  isAll,
  isAny,
  isListRef,
  isNot,
  type Condition,
  type LeafCondition,
} from './schema/condition.ts'
import {
  approvalSchema,
  customFieldSchema,
  personaSchema,
  policySchema,
  ruleSchema,
  rulesetSchema,
  testLeadSchema,
  type Ruleset,
} from './schema/ruleset.ts'

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

/** Every key a ruleset document may use, for "did you mean" on unknown keys. */
const knownKeys: readonly string[] = [
  ...new Set([
    ...Object.keys(rulesetSchema.shape),
    ...Object.keys(ruleSchema.shape),
    ...Object.keys(personaSchema.shape),
    ...Object.keys(policySchema.shape),
    ...Object.keys(customFieldSchema.shape),
    ...Object.keys(approvalSchema.shape),
    ...Object.keys(testLeadSchema.shape),
    'all',
    'any',
    'not',
    'fact',
    'operator',
    'value',
    'list',
    'type',
    'params',
  ]),
]

/** One issue per unknown key, addressed at the key itself: `rules[0].onMisssing`. */
function schemaIssues(issue: z.core.$ZodIssue): RulesetIssue[] {
  const at = (path: PropertyKey[], message: string): RulesetIssue => ({
    path: formatPath(path),
    message,
    severity: 'error',
    code: 'schema',
  })
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const hint = closest(key, knownKeys)
      const advice = jreKeyHints[key] ?? (hint ? `did you mean "${hint}"?` : undefined)
      return at([...issue.path, key], `unknown key "${key}"${advice ? `; ${advice}` : ''}`)
    })
  }
  if (issue.code === 'invalid_key') {
    // zod only says "Invalid key in record"; the key's own issue says what is wrong.
    const key = issue.path.at(-1)
    return [at(issue.path, `"${String(key)}": ${issue.issues[0]?.message ?? issue.message}`)]
  }
  return [at(issue.path, issue.message)]
}

/** Keys json-rules-engine users write into a condition, with what to do instead. */
const jreKeyHints: Readonly<Record<string, string>> = {
  path: 'write the path into the fact instead, e.g. "company.employees"',
  params: 'facts take no parameters; use a field of the lead instead',
}

/**
 * `__proto__`, `constructor` and `prototype` anywhere in the document, found without
 * recursion so that a hostile 10,000-deep document cannot overflow the stack.
 */
function forbiddenKeyIssues(input: unknown): RulesetIssue[] {
  // Each entry links to its parent instead of copying the path, so a deep document costs
  // memory in proportion to its size, not to the square of its depth.
  interface Place {
    value: unknown
    key?: PropertyKey
    parent?: Place
  }
  const pathOf = (place: Place): PropertyKey[] => {
    const path: PropertyKey[] = []
    for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) {
      path.unshift(at.key)
    }
    return path
  }
  const issues: RulesetIssue[] = []
  const stack: Place[] = [{ value: input }]
  while (stack.length > 0) {
    const place = stack.pop()!
    const { value } = place
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      value.forEach((item, at) => stack.push({ value: item, key: at, parent: place }))
      continue
    }
    for (const key of Object.keys(value)) {
      const child: Place = { value: (value as Record<string, unknown>)[key], key, parent: place }
      if (!forbiddenKeys.has(key)) {
        stack.push(child)
        continue
      }
      issues.push({
        path: formatPath(pathOf(child)),
        message: `"${key}" is not allowed as a key`,
        severity: 'error',
        code: 'forbidden_key',
      })
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
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

/** Warns about an `all` whose numeric bounds on one fact leave no value (x > 10 and x < 5). */
function checkSatisfiable(members: readonly Condition[], path: string, warn: Report): void {
  const bounds = new Map<
    string,
    { low: number; lowStrict: boolean; high: number; highStrict: boolean; equals: Set<unknown> }
  >()
  for (const member of members) {
    if (!('fact' in member)) continue
    const value = member.value
    const range = bounds.get(member.fact) ?? {
      low: -Infinity,
      lowStrict: false,
      high: Infinity,
      highStrict: false,
      equals: new Set<unknown>(),
    }
    const raise = (low: number, strict: boolean) => {
      if (low > range.low || (low === range.low && strict))
        Object.assign(range, { low, lowStrict: strict })
    }
    const lower = (high: number, strict: boolean) => {
      if (high < range.high || (high === range.high && strict))
        Object.assign(range, { high, highStrict: strict })
    }
    if (member.operator === 'greaterThan' && typeof value === 'number') raise(value, true)
    if (member.operator === 'greaterThanInclusive' && typeof value === 'number') raise(value, false)
    if (member.operator === 'lessThan' && typeof value === 'number') lower(value, true)
    if (member.operator === 'lessThanInclusive' && typeof value === 'number') lower(value, false)
    if (member.operator === 'between' && Array.isArray(value) && value.length === 2) {
      raise(value[0] as number, false)
      lower(value[1] as number, false)
    }
    if (member.operator === 'equal') {
      range.equals.add(value)
      if (typeof value === 'number') {
        raise(value, false)
        lower(value, false)
      }
    }
    bounds.set(member.fact, range)
  }
  for (const [fact, range] of bounds) {
    const empty =
      range.low > range.high || (range.low === range.high && (range.lowStrict || range.highStrict))
    if (empty || range.equals.size > 1) {
      warn(
        path,
        'never_matches',
        `these conditions on "${fact}" can never all hold, so this group never matches`,
      )
    }
  }
}

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>()
  const repeated: number[] = []
  ids.forEach((id, at) => {
    if (seen.has(id)) repeated.push(at)
    seen.add(id)
  })
  return repeated
}
