import {
  InvalidJreDocumentError,
  RulesetValidationError,
  UnsupportedFeatureError,
  type RulesetIssue,
  type UnsupportedFeature,
} from '../errors.ts'
import { isLeaf, type Condition } from '../schema/condition.ts'
import {
  onMissingSchema,
  ownerSchema,
  RULESET_CONTENT_TYPE,
  RULESET_SCHEMA_VERSION,
  ruleKindSchema,
  slugSchema,
  type Owner,
  type Rule,
  type RuleKind,
  type Ruleset,
} from '../schema/ruleset.ts'
import { validateRuleset } from '../validate.ts'
import {
  importCondition,
  isLeadgateWrapper,
  objectAt,
  type ConditionImport,
} from './import-condition.ts'
import { refuseForbiddenKeys, restoreList } from './import-document.ts'
import { slugify, uniqueId } from './rule-id.ts'

export interface ImportJreOptions {
  /** Ruleset id (a slug); default "imported-jre-rules". */
  id?: string
  name?: string
  /** Owner of rules whose event does not say (`params.owner`); default "sales". */
  owner?: Owner
  /** Kind of rules whose event does not say (`params.kind`); default "require". */
  kind?: RuleKind
  /** Points of score rules whose event does not say (`params.points`). */
  points?: number
  /** Default `{ acceptAt: 0, nurtureAt: 0 }`: with no score rules, passing all rules accepts. */
  policy?: { acceptAt: number; nurtureAt: number }
  /** Named conditions (`engine.setCondition(name, condition)`) the rules refer to. */
  conditions?: Record<string, unknown>
}

export interface JreImport {
  ruleset: Ruleset
  /** What was dropped or read with care (custom properties, custom operator names), and validation warnings. */
  warnings: RulesetIssue[]
}

interface Source {
  rules: unknown[]
  /** JSON path of rule `at`: `rules[2]`, `[2]`, or '' for a single rule. */
  pathOf: (at: number) => string
  named: Map<string, { condition: unknown; path: string }>
  declaredOperators: Set<string>
}

/**
 * Reads json-rules-engine rules (one rule, an array, or `{ rules, conditions }`) into a
 * leadgate ruleset. Rules keep their name, priority and event; the event's params may
 * carry the leadgate rule id, kind, owner and points (as `exportJre` writes them).
 * Anything leadgate cannot decide the same way (fact params, fact-to-fact comparison,
 * decorators, custom operators, complex JSONPath, rule callbacks...) is refused with an
 * `UnsupportedFeatureError` naming each feature and where it is; never approximated.
 *
 * @example
 * const { ruleset, warnings } = importJre(
 *   { conditions: { all: [{ fact: 'company', path: '$.employees', operator: 'greaterThanInclusive', value: 50 }] },
 *     event: { type: 'big-enough' } },
 *   { owner: 'sales' },
 * )
 * ruleset.rules[0].when // { all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }] }
 */
export function importJre(input: unknown, options: ImportJreOptions = {}): JreImport {
  refuseForbiddenKeys(input, '')
  if (options.conditions !== undefined)
    refuseForbiddenKeys(options.conditions, 'options.conditions')
  const source = sourceOf(input, options)
  const warnings: RulesetIssue[] = []
  const problems = new Map<string, UnsupportedFeature>()
  const lists: Record<string, (string | number)[]> = {}
  const context: ConditionImport = {
    named: source.named,
    declaredOperators: source.declaredOperators,
    unsupported: (feature, path, detail) => {
      problems.set(`${feature}|${path}`, { feature, path, detail })
    },
    warn: (path, code, message) => warnings.push({ path, message, code, severity: 'warning' }),
    restoreList: (name, values, path) => restoreList(lists, name, values, path, context),
  }

  const ids = reserveRuleIds(source)
  const rules: Rule[] = []
  source.rules.forEach((raw, at) => {
    const rule = importRule(raw, source.pathOf(at), at, ids, context, options)
    if (rule) rules.push(rule)
  })
  if (problems.size > 0) {
    const [first, ...also] = problems.values()
    throw new UnsupportedFeatureError(first!.feature, first!.path, first!.detail, also)
  }

  const result = validateRuleset({
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: RULESET_SCHEMA_VERSION,
    id: options.id ?? 'imported-jre-rules',
    name: options.name ?? 'Imported json-rules-engine rules',
    policy: options.policy ?? { acceptAt: 0, nurtureAt: 0 },
    lists,
    rules,
  })
  if (!result.ok) throw new RulesetValidationError([...result.errors, ...result.warnings])
  return { ruleset: result.ruleset, warnings: [...warnings, ...result.warnings] }
}

function sourceOf(input: unknown, options: ImportJreOptions): Source {
  const named = new Map<string, { condition: unknown; path: string }>()
  const declaredOperators = new Set<string>()
  const addNamed = (conditions: unknown, path: string) => {
    const map = objectAt(conditions, path, 'named conditions')
    for (const [name, condition] of Object.entries(map)) {
      named.set(name, { condition, path: `${path}.${name}` })
    }
  }
  let source: Pick<Source, 'rules' | 'pathOf'>
  if (Array.isArray(input)) {
    source = { rules: input, pathOf: (at) => `[${at}]` }
  } else if (input !== null && typeof input === 'object' && Object.hasOwn(input, 'rules')) {
    const document = input as Record<string, unknown>
    if (!Array.isArray(document.rules)) {
      throw new InvalidJreDocumentError('rules', '"rules" is an array of rules')
    }
    if (document.conditions !== undefined) addNamed(document.conditions, 'conditions')
    const declared = document.customOperators
    if (Array.isArray(declared)) {
      for (const name of declared) if (typeof name === 'string') declaredOperators.add(name)
    }
    source = { rules: document.rules, pathOf: (at) => `rules[${at}]` }
  } else if (input !== null && typeof input === 'object' && Object.hasOwn(input, 'conditions')) {
    source = { rules: [input], pathOf: () => '' }
  } else {
    throw new InvalidJreDocumentError(
      '',
      'expected a json-rules-engine rule ({ conditions, event }), an array of rules or { rules: [...] }',
    )
  }
  if (options.conditions !== undefined) addNamed(options.conditions, 'options.conditions')
  return { ...source, named, declaredOperators }
}

const join = (base: string, key: string) => (base === '' ? key : `${base}.${key}`)

/** Ids the events carry (`params.ruleId`, written by `exportJre`) are kept; first one wins. */
function reserveRuleIds(source: Source): Map<number, string> {
  const reserved = new Map<number, string>()
  const taken = new Set<string>()
  source.rules.forEach((raw, at) => {
    const ruleId = paramsOf(raw)?.ruleId
    if (slugSchema.safeParse(ruleId).success && !taken.has(ruleId as string)) {
      taken.add(ruleId as string)
      reserved.set(at, ruleId as string)
    }
  })
  const ids = new Map<number, string>()
  source.rules.forEach((raw, at) => {
    const id = reserved.get(at)
    if (id !== undefined) {
      ids.set(at, id)
      return
    }
    const rule = raw as Record<string, unknown> | null
    const event = rule?.event as Record<string, unknown> | undefined
    const label = rule?.name ?? event?.type ?? `rule ${at + 1}`
    ids.set(at, uniqueId(slugify(String(label)), taken))
  })
  return ids
}

function paramsOf(raw: unknown): Record<string, unknown> | undefined {
  if (raw === null || typeof raw !== 'object') return undefined
  const event = (raw as Record<string, unknown>).event
  if (event === null || typeof event !== 'object') return undefined
  const params = (event as Record<string, unknown>).params
  return params !== null && typeof params === 'object' && !Array.isArray(params)
    ? (params as Record<string, unknown>)
    : undefined
}

const ruleKeys = new Set(['conditions', 'event', 'name', 'priority'])

function importRule(
  raw: unknown,
  base: string,
  at: number,
  ids: Map<number, string>,
  context: ConditionImport,
  options: ImportJreOptions,
): Rule | undefined {
  const node = objectAt(raw, base || '(rule)', 'a rule')
  for (const key of Object.keys(node)) {
    if (key === 'onSuccess' || key === 'onFailure') {
      context.unsupported(
        'rule callback',
        join(base, key),
        `${key} runs code when the rule is decided (e.g. to chain rules); leadgate rules do not run code`,
      )
    } else if (!ruleKeys.has(key)) {
      context.warn(
        join(base, key),
        'jre_dropped_property',
        `"${key}" dropped: a custom property json-rules-engine does not use to decide`,
      )
    }
  }
  if (!Object.hasOwn(node, 'conditions')) {
    throw new InvalidJreDocumentError(join(base, 'conditions'), 'a rule needs "conditions"')
  }
  let when = importCondition(node.conditions, join(base, 'conditions'), context)
  if (when && isLeadgateWrapper(node.conditions) && 'all' in when && when.all.length === 1) {
    const [only] = when.all as [Condition]
    if (isLeaf(only)) when = only
  }
  const event = eventOf(node.event, join(base, 'event'))
  const priority = node.priority
  if (priority !== undefined && !(Number.isInteger(priority) && (priority as number) >= 1)) {
    throw new InvalidJreDocumentError(
      join(base, 'priority'),
      'priority is a whole number of 1 or more',
    )
  }
  const name = node.name
  if (name !== undefined && typeof name !== 'string' && typeof name !== 'number') {
    throw new InvalidJreDocumentError(join(base, 'name'), 'a rule name is text')
  }
  if (!when) return undefined

  const params: Record<string, unknown> = { ...event?.params }
  const take = <T>(key: string, valid: (value: unknown) => boolean): T | undefined => {
    if (!valid(params[key])) return undefined
    const value = params[key] as T
    delete params[key]
    return value
  }
  const id = ids.get(at)!
  if (params.ruleId !== undefined && take('ruleId', (value) => value === id) === undefined) {
    context.warn(
      join(base, 'event.params.ruleId'),
      'jre_rule_id',
      `rule id ${JSON.stringify(params.ruleId)} is not a slug or is used by an earlier rule; this rule is "${id}"`,
    )
    delete params.ruleId
  }
  const kind = take<RuleKind>('kind', is(ruleKindSchema)) ?? options.kind ?? 'require'
  const owner = take<Owner>('owner', is(ownerSchema)) ?? options.owner ?? 'sales'
  const points =
    take<number>('points', (value) => Number.isInteger(value)) ??
    (kind === 'score' ? options.points : undefined)
  const onMissing = take<Rule['onMissing']>('onMissing', is(onMissingSchema))
  const rationale = take<string>('rationale', (value) => typeof value === 'string')

  const rule: Rule = {
    id,
    name: String(name ?? event?.type ?? `Rule ${at + 1}`),
    owner,
    kind,
    when,
  }
  if (points !== undefined) rule.points = points
  if (onMissing !== undefined) rule.onMissing = onMissing
  if (rationale !== undefined) rule.rationale = rationale
  const extra = Object.keys(params).length > 0
  // An event that only repeats the rule id is what `exportJre` writes for a rule without one.
  if (event && (event.type !== id || extra)) {
    rule.event = extra ? { type: event.type, params } : { type: event.type }
  }
  if (priority !== undefined) rule.priority = priority as number
  return rule
}

const is =
  (schema: { safeParse: (value: unknown) => { success: boolean } }) =>
  (value: unknown): boolean =>
    schema.safeParse(value).success

function eventOf(
  raw: unknown,
  path: string,
): { type: string; params?: Record<string, unknown> } | undefined {
  if (raw === undefined) return undefined
  const event = objectAt(raw, path, 'an event')
  if (typeof event.type !== 'string' || event.type === '') {
    throw new InvalidJreDocumentError(`${path}.type`, 'an event needs a "type" (text)')
  }
  if (event.params === undefined || event.params === null) return { type: event.type }
  return { type: event.type, params: objectAt(event.params, `${path}.params`, 'event params') }
}
