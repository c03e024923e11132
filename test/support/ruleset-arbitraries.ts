import fc from 'fast-check'
import {
  RULESET_CONTENT_TYPE,
  RULESET_SCHEMA_VERSION,
  type Condition,
  type ConditionValue,
  type FactType,
  type Lead,
  type OperatorName,
  type Rule,
  type RuleKind,
  type RulesetInput,
} from '../../engine/index.ts'

/**
 * fast-check generators for rulesets and complete leads (every fact present, of its
 * declared type), over a fixed set of fields. Value pools are small so conditions and
 * leads often meet: an `equal` that never matches proves little.
 */

type Scalar = string | number | boolean

interface GeneratedField {
  path: string
  type: FactType
  values: readonly Scalar[]
}

const titles = [
  'VP of Sales',
  'Vice President, Marketing',
  'Head of IT',
  'Director of Change Management',
  'Sales Director',
  'Chief Executive Officer',
  'Intern',
  'Senior Software Engineer',
  'vp-engineering',
  'Marketing Manager (EMEA)',
]
const numbers = [0, 1, 3, 5, 10, 49, 50, 51, 200, 1000, 2.5, -1, 25_000, 1_000_000]
const tech = ['salesforce', 'Salesforce', 'hubspot', 'microsoft-365', 'slack', 'SAP', 'sap', 'zoom']

export const generatedFields: readonly GeneratedField[] = [
  { path: 'company.employees', type: 'number', values: numbers },
  { path: 'company.revenue', type: 'number', values: numbers },
  { path: 'company.locations', type: 'number', values: numbers },
  { path: 'bant.budget', type: 'number', values: numbers },
  { path: 'engagement.visits', type: 'number', values: numbers },
  { path: 'contact.title', type: 'string', values: titles },
  {
    path: 'company.domain',
    type: 'string',
    values: ['acme.com', 'Acme.io', 'fcof.net', 'gmail.com'],
  },
  { path: 'engagement.lastActivity', type: 'string', values: ['Email Opened', 'Page Visited'] },
  {
    path: 'company.industry',
    type: 'enum',
    values: ['manufacturing', 'retail', 'finance', 'Retail'],
  },
  { path: 'company.country', type: 'enum', values: ['US', 'DE', 'FR', 'IN', 'us'] },
  { path: 'contact.seniority', type: 'enum', values: ['vp', 'director', 'manager', 'entry'] },
  { path: 'bant.authority', type: 'enum', values: ['decision-maker', 'influencer', 'none'] },
  { path: 'technology.installed', type: 'list', values: tech },
  { path: 'contact.doNotEmail', type: 'boolean', values: [true, false] },
  { path: 'contact.doNotCall', type: 'boolean', values: [true, false] },
  // Custom fields the ruleset declares: a top-level fact and one three levels deep.
  { path: 'score', type: 'number', values: numbers },
  { path: 'crm.account.tier', type: 'string', values: ['Gold', 'silver', 'Bronze partner'] },
]

const customFields = {
  score: { type: 'number', label: 'Partner score' },
  'crm.account.tier': { type: 'string', label: 'Account tier' },
} as const

const operatorsByType: Record<FactType, readonly OperatorName[]> = {
  number: [
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'in',
    'notIn',
    'between',
    'exists',
  ],
  string: ['equal', 'notEqual', 'in', 'notIn', 'startsWith', 'endsWith', 'titleHasAny', 'exists'],
  enum: ['equal', 'notEqual', 'in', 'notIn', 'startsWith', 'endsWith', 'exists'],
  list: ['contains', 'doesNotContain', 'containsAny', 'exists'],
  boolean: ['equal', 'notEqual', 'exists'],
}

export const generatedLists = {
  'big-numbers': [50, 200, 1000, 25_000],
  'known-words': ['salesforce', 'SAP', 'vp', 'head of', 'acme.com', 'US', 'retail', 'Gold'],
}

/** Text a case-insensitive prefix, suffix or phrase match may find: parts of pool values. */
const fragment = (values: readonly Scalar[]) =>
  fc
    .tuple(fc.constantFrom(...values.map(String)), fc.nat(), fc.nat(), fc.boolean())
    .map(([text, from, length, upper]) => {
      const start = from % text.length
      const piece = text.slice(start, start + 1 + (length % text.length)) || text
      return upper ? piece.toUpperCase() : piece
    })

const phrase = fc.constantFrom(
  'acme',
  'gold',
  'email opened',
  'vp',
  'vice president',
  'director',
  'head of',
  'sales',
  'chief',
  'of',
)

function valueFor(
  field: GeneratedField,
  operator: OperatorName,
): fc.Arbitrary<ConditionValue | undefined> {
  const pool = fc.constantFrom(...field.values)
  const list = (items: fc.Arbitrary<string | number>) =>
    fc.array(items, { minLength: 1, maxLength: 12 })
  const listRef = fc.constantFrom({ list: 'big-numbers' }, { list: 'known-words' })
  switch (operator) {
    case 'exists':
      return fc.constant(undefined)
    case 'equal':
    case 'notEqual':
      // Values of the field's own type only: the validator refuses a value that can never
      // match its field (a quoted "10" on a number), so such rulesets never reach evaluation.
      return pool
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return fc.constantFrom(...numbers)
    case 'between':
      return fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom(...numbers))
        .map(([a, b]) => (a <= b ? [a, b] : [b, a]))
    case 'in':
    case 'notIn':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: list(pool.filter((v): v is string | number => typeof v !== 'boolean')),
        },
        { weight: 1, arbitrary: listRef },
      )
    case 'contains':
    case 'doesNotContain':
      return pool
    case 'containsAny':
      return fc.oneof(
        { weight: 4, arbitrary: list(fc.constantFrom(...tech, 'SLACK')) },
        { weight: 1, arbitrary: listRef },
      )
    case 'startsWith':
    case 'endsWith':
      return fragment(field.values)
    case 'titleHasAny':
      return fc.oneof({ weight: 4, arbitrary: list(phrase) }, { weight: 1, arbitrary: listRef })
  }
}

const leafArbitrary: fc.Arbitrary<Condition> = fc
  .constantFrom(...generatedFields)
  .chain((field) =>
    fc
      .constantFrom(...operatorsByType[field.type])
      .chain((operator) =>
        valueFor(field, operator).map((value): Condition =>
          value === undefined
            ? { fact: field.path, operator }
            : { fact: field.path, operator, value },
        ),
      ),
  )

/** Condition trees up to four levels deep, with all, any and not. */
export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>(
  (tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: leafArbitrary },
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all): Condition => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any): Condition => ({ any })),
      tie('node').map((not): Condition => ({ not })),
    ),
  }),
).node

/** Some of each optional rule property, including a disabled rule now and then. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight, arbitrary })

const ruleArbitrary = (at: number) =>
  fc
    .record({
      kind: fc.constantFrom<RuleKind>('require', 'disqualify', 'score', 'score', 'score'),
      owner: fc.constantFrom('marketing' as const, 'sales' as const),
      points: fc.integer({ min: -30, max: 60 }),
      when: conditionArbitrary,
      onMissing: sometimes(fc.constantFrom('nurture' as const, 'reject' as const, 'pass' as const)),
      rationale: sometimes(fc.constantFrom('Fits our ICP', 'Sales cannot serve these leads')),
      event: sometimes(
        fc.record({
          type: fc.constantFrom('lead-fit', 'qualified'),
          params: fc.constant({ channel: 'web' }),
        }),
      ),
      priority: sometimes(fc.integer({ min: 1, max: 10 })),
      disabled: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
    })
    .map(({ kind, owner, points, when, onMissing, rationale, event, priority, disabled }) => {
      const rule: Rule = { id: `rule-${at}`, name: `Rule ${at}`, owner, kind, when }
      if (kind === 'score') rule.points = points
      if (onMissing !== undefined) rule.onMissing = onMissing
      if (rationale !== undefined) rule.rationale = rationale
      if (event !== undefined) rule.event = event
      if (priority !== undefined) rule.priority = priority
      if (disabled) rule.enabled = false
      return rule
    })

/** Valid rulesets of one to six rules over `generatedFields`. */
export const rulesetArbitrary: fc.Arbitrary<RulesetInput> = fc
  .integer({ min: 1, max: 6 })
  .chain((count) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: count }, (_, at) => ruleArbitrary(at))),
      fc.integer({ min: -20, max: 80 }),
      fc.integer({ min: 0, max: 60 }),
    ),
  )
  .map(([rules, nurtureAt, gap]) => ({
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: RULESET_SCHEMA_VERSION,
    id: 'generated',
    name: 'Generated ruleset',
    policy: { nurtureAt, acceptAt: nurtureAt + gap },
    lists: generatedLists,
    fields: customFields,
    rules,
  }))

function setPath(lead: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let at = lead
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>
  at[parts[parts.length - 1]!] = value
}

/** Leads with every generated field present, of its type (lists non-empty). */
export const completeLeadArbitrary: fc.Arbitrary<Lead> = fc
  .tuple(
    ...generatedFields.map((field) =>
      field.type === 'list'
        ? fc.uniqueArray(fc.constantFrom(...field.values), { minLength: 1, maxLength: 4 })
        : fc.constantFrom(...field.values),
    ),
  )
  .map((values) => {
    const lead: Record<string, unknown> = { id: 'generated-lead' }
    generatedFields.forEach((field, at) => setPath(lead, field.path, values[at]))
    return lead as Lead
  })

const damage = fc.constantFrom<(value: unknown) => unknown>(
  () => undefined,
  () => null,
  () => '',
  () => '   ',
  () => 'wrong type',
  () => 42,
  () => [],
  () => true,
)

const inherited = Symbol('inherited group')

/**
 * Leads as they arrive: some facts absent, blank, null or of the wrong type, and now and
 * then a whole group that is not an object.
 */
export const damagedLeadArbitrary: fc.Arbitrary<Lead> = fc
  .tuple(
    completeLeadArbitrary,
    fc.array(fc.tuple(fc.constantFrom(...generatedFields), damage), { maxLength: 6 }),
    fc.option(fc.constantFrom('company', 'contact', 'bant', 'crm'), { freq: 8 }),
    fc.constantFrom<unknown>(null, 'acme', [], 7, inherited),
  )
  .map(([lead, damages, brokenGroup, replacement]) => {
    const copy = structuredClone(lead) as Record<string, unknown>
    for (const [field, make] of damages) {
      const value = make(undefined)
      if (value === undefined) deletePath(copy, field.path)
      else setPath(copy, field.path, value)
    }
    if (brokenGroup !== null && replacement === inherited) {
      // A group the lead only inherits is not the lead's: facts are read from own properties.
      Object.setPrototypeOf(copy, { [brokenGroup]: copy[brokenGroup] })
      delete copy[brokenGroup]
    } else if (brokenGroup !== null) copy[brokenGroup] = replacement
    return copy as Lead
  })

function deletePath(lead: Record<string, unknown>, path: string): void {
  const parts = path.split('.')
  let at: unknown = lead
  for (const part of parts.slice(0, -1)) at = (at as Record<string, unknown>)?.[part]
  if (at !== null && typeof at === 'object') delete (at as Record<string, unknown>)[parts.at(-1)!]
}
