import type { FieldSpec } from './field-catalog.ts'
import { operatorSpec, phraseMatcher, wordsOf, type OperatorName } from './operators.ts'
import { isListRef, type ConditionValue } from './schema/condition.ts'
import type { OnMissing, Rule } from './schema/ruleset.ts'

/**
 * Plain-language explanations. Everything that does not depend on the lead (labels, the
 * wording of what a condition demands) is prepared once per condition at compile time;
 * only the lead's own value is formatted per decision.
 */

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const MAX_LISTED = 5

/** "$2.5M", "$50,000", "1,200", "3 months", "15 minutes". */
export function formatValue(value: unknown, field?: Pick<FieldSpec, 'format' | 'options'>): string {
  if (Array.isArray(value)) return listOf(value.map((item) => formatValue(item, field)))
  if (typeof value === 'number') {
    switch (field?.format) {
      case 'currency':
        return formatMoney(value)
      case 'months':
        return `${countFormat.format(value)} ${value === 1 ? 'month' : 'months'}`
      case 'seconds': {
        if (value < 120) return `${countFormat.format(value)} ${value === 1 ? 'second' : 'seconds'}`
        return `${countFormat.format(Math.round(value / 60))} minutes`
      }
      default:
        return countFormat.format(value)
    }
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') {
    const option = field?.options?.find((candidate) => candidate.value === value)
    return option ? option.label : value
  }
  return JSON.stringify(value) ?? 'nothing'
}

function formatMoney(value: number): string {
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (abs >= 1e9) return `${sign}$${countFormat.format(abs / 1e9)}B`
  if (abs >= 1e6) return `${sign}$${countFormat.format(abs / 1e6)}M`
  return `${sign}$${countFormat.format(abs)}`
}

/** "A, B, C, D, E and 3 more"; `last` joins the final pair: "A, B or C". */
function listOf(items: readonly string[], last = ' and '): string {
  if (items.length <= 1) return items[0] ?? 'nothing'
  if (items.length > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`
  }
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`
}

const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value])

/**
 * How the condition's value reads in a sentence: `"vp", "director" or "head of"`,
 * `Retail trade or Finance and insurance`. Alternatives are joined with "or" because every
 * operator that takes several values is satisfied by any one of them.
 */
export function formatExpected(
  operator: OperatorName,
  value: ConditionValue | undefined,
  field?: FieldSpec,
): string {
  if (isListRef(value)) return `the list "${value.list}"`
  switch (operator) {
    case 'exists':
      return ''
    case 'between': {
      const [low, high] = value as [number, number]
      return `${formatValue(low, field)} and ${formatValue(high, field)}`
    }
    case 'titleHasAny':
    case 'startsWith':
    case 'endsWith':
      return listOf(
        asList(value).map((item) => `"${String(item)}"`),
        ' or ',
      )
    case 'in':
    case 'notIn':
    case 'containsAny':
      return listOf(
        asList(value).map((item) => formatValue(item, field)),
        ' or ',
      )
    default:
      return formatValue(value, field)
  }
}

export interface LeafWording {
  label: string
  /** "Employees is at least 50": the condition as a statement, for persona criteria. */
  statement: string
  /** What a matched condition adds after the lead's value: "at least 50" (may be empty). */
  criterion: string
  /** The same under a `not`: "less than 50". */
  negatedCriterion: string
  /** What a failed condition demands: "at least 50 required", "Retail trade not allowed". */
  demand: string
  /** The same under a `not`. */
  negatedDemand: string
  /**
   * The whole sentence for a matched list or title condition, naming only what matched:
   * "Installed technology includes salesforce", not every product the lead runs.
   */
  matchText?: (actual: unknown) => string
  phrase?: string
  field?: FieldSpec
}

interface Demands {
  criterion: string
  negatedCriterion: string
  demand: string
  negatedDemand: string
}

/**
 * The sentence parts per operator. Negations are spelt out rather than prefixed with "not"
 * ("at least 50", never "not less than 50"), and a matched condition does not repeat a
 * value the sentence already shows ("Industry is Retail trade", not "... (Retail trade)").
 */
function demandsOf(
  operator: OperatorName,
  value: ConditionValue | undefined,
  expected: string,
  field: FieldSpec | undefined,
): Demands {
  const e = expected
  const listName = isListRef(value) ? `the list "${value.list}"` : undefined
  const required = (what: string) => `${what} required`
  const notAllowed = (what: string) => `${what} not allowed`
  switch (operator) {
    case 'equal': {
      const demand =
        typeof value === 'number'
          ? required(`exactly ${e}`)
          : typeof value === 'boolean'
            ? `it must be ${e}`
            : required(e)
      return {
        criterion: '',
        negatedCriterion: `not ${e}`,
        demand,
        negatedDemand: typeof value === 'boolean' ? `it must not be ${e}` : notAllowed(e),
      }
    }
    case 'notEqual':
      return {
        criterion: `not ${e}`,
        negatedCriterion: '',
        demand: typeof value === 'boolean' ? `it must not be ${e}` : notAllowed(e),
        negatedDemand: typeof value === 'boolean' ? `it must be ${e}` : required(e),
      }
    case 'lessThan':
      return numeric(`less than ${e}`, `at least ${e}`)
    case 'lessThanInclusive':
      return numeric(`at most ${e}`, `more than ${e}`)
    case 'greaterThan':
      return numeric(`more than ${e}`, `at most ${e}`)
    case 'greaterThanInclusive':
      return numeric(`at least ${e}`, `less than ${e}`)
    case 'between': {
      const [low, high] = (value as [number, number]).map((bound) => formatValue(bound, field))
      return numeric(`between ${e}`, `less than ${low} or more than ${high}`)
    }
    case 'in':
    case 'notIn': {
      const oneOf = Array.isArray(value) && value.length === 1 ? e : `one of ${e}`
      // A matched "in" shows the lead's value; repeating every alternative adds nothing.
      const on = listName ? `on ${listName}` : ''
      const off = listName ? `not on ${listName}` : `not ${e}`
      const wanted = listName ? required(`a value on ${listName}`) : required(oneOf)
      const banned = listName ? notAllowed(`values on ${listName}`) : notAllowed(e)
      return operator === 'in'
        ? { criterion: on, negatedCriterion: off, demand: wanted, negatedDemand: banned }
        : { criterion: off, negatedCriterion: on, demand: banned, negatedDemand: wanted }
    }
    case 'contains':
    case 'doesNotContain':
    case 'containsAny': {
      const items = listName ? `a value on ${listName}` : e
      const including = { criterion: `including ${items}`, demand: required(items) }
      const without = { criterion: `without ${items}`, demand: notAllowed(items) }
      const [yes, no] = operator === 'doesNotContain' ? [without, including] : [including, without]
      return {
        criterion: yes.criterion,
        negatedCriterion: no.criterion,
        demand: yes.demand,
        negatedDemand: no.demand,
      }
    }
    case 'exists':
      return {
        criterion: '',
        negatedCriterion: '',
        demand: 'it is required',
        negatedDemand: 'it must be empty',
      }
    case 'startsWith':
    case 'endsWith':
    case 'titleHasAny': {
      const items = listName ? `a value on ${listName}` : e
      const verb = { startsWith: 'start with', endsWith: 'end with', titleHasAny: 'mention' }[
        operator
      ]
      const gerund = {
        startsWith: 'starting with',
        endsWith: 'ending with',
        titleHasAny: 'mentioning',
      }[operator]
      return {
        criterion: `${gerund} ${items}`,
        negatedCriterion: `not ${gerund} ${items}`,
        demand: `it must ${verb} ${items}`,
        negatedDemand: `it must not ${verb} ${items}`,
      }
    }
  }
}

/** A numeric comparison: its negation is the opposite bound, not "not ...". */
function numeric(criterion: string, opposite: string): Demands {
  return {
    criterion,
    negatedCriterion: opposite,
    demand: `${criterion} required`,
    negatedDemand: `${opposite} required`,
  }
}

/**
 * Everything about a condition's wording that does not depend on the lead, prepared once
 * at compile time. `resolved` is the value with a list reference replaced by the list.
 */
export function leafWording(
  fact: string,
  operator: OperatorName,
  value: ConditionValue | undefined,
  field: FieldSpec | undefined,
  resolved: unknown = value,
): LeafWording {
  const spec = operatorSpec(operator)
  const label = field?.label ?? fact
  const expected = formatExpected(operator, value, field)
  const demands = demandsOf(operator, value, expected, field)
  let statement = `${label} ${spec.label} ${expected}`
  if (operator === 'exists') statement = `${label} is known`
  else if (isListRef(value) && operator === 'in') statement = `${label} is on ${expected}`
  else if (isListRef(value) && operator === 'notIn') statement = `${label} is not on ${expected}`
  else if (field?.phrase && numericStatement(operator, value)) {
    // "Company has at least 1,000 employees" rather than "Employees is at least 1,000".
    const text = operator === 'equal' ? expected : demands.criterion
    const count = Array.isArray(value) ? value[1] : value
    statement = fillPhrase(field.phrase, text, count)
  }
  const wording: LeafWording = { label, statement, ...demands, phrase: field?.phrase, field }
  const matchText = matchTextOf(operator, label, field, resolved)
  if (matchText) wording.matchText = matchText
  return wording
}

function matchTextOf(
  operator: OperatorName,
  label: string,
  field: FieldSpec | undefined,
  resolved: unknown,
): ((actual: unknown) => string) | undefined {
  if (operator === 'contains') {
    return () => `${label} includes ${formatValue(resolved, field)}`
  }
  if (operator === 'containsAny') {
    const wanted = new Set(asList(resolved).map((item) => String(item).toLowerCase()))
    return (actual) => {
      const found = asList(actual).filter((item) => wanted.has(String(item).toLowerCase()))
      return `${label} includes ${listOf(found.map((item) => formatValue(item, field)))}`
    }
  }
  if (operator === 'titleHasAny') {
    const phrases = asList(resolved).map((phrase) => ({
      text: String(phrase),
      matcher: phraseMatcher(String(phrase)),
    }))
    return (actual) => {
      const words = wordsOf(String(actual))
      const found = phrases.filter((phrase) => phrase.matcher.matches(words))
      return `${label} "${String(actual)}" mentions ${listOf(
        found.map((phrase) => `"${phrase.text}"`),
      )}`
    }
  }
  return undefined
}

/** "Company has 12 employees" or "Industry is Retail trade". */
export function describeActual(wording: LeafWording, actual: unknown): string {
  if (actual === undefined) return `${wording.label} is missing`
  const value = Array.isArray(actual)
    ? listOf(actual.map((item) => formatValue(item, wording.field)))
    : formatValue(actual, wording.field)
  if (!wording.phrase) return `${wording.label} is ${value}`
  return fillPhrase(wording.phrase, value, actual)
}

/**
 * A catalog phrase with `{value}` and `{one|many}` filled in. Plural first and the value
 * last, through a function: a lead's text is never read as a template ("{a|b}") or as a
 * replacement pattern ("$&").
 */
function fillPhrase(phrase: string, value: string, count: unknown): string {
  return phrase
    .replace(/\{([^|}]*)\|([^}]*)\}/g, (_, one: string, many: string) => (count === 1 ? one : many))
    .replace('{value}', () => value)
}

const numericStatement = (operator: OperatorName, value: unknown): boolean =>
  operatorSpec(operator).value === 'number' ||
  operator === 'between' ||
  (operator === 'equal' && typeof value === 'number')

/** A condition that did not hold: "Company has 12 employees; at least 50 required". */
export function describeFailure(wording: LeafWording, actual: unknown, negated: boolean): string {
  return `${describeActual(wording, actual)}; ${negated ? wording.negatedDemand : wording.demand}`
}

/** A condition that held: "Company has 500 employees, at least 200". */
export function describeMatch(wording: LeafWording, actual: unknown, negated: boolean): string {
  if (!negated && wording.matchText) return wording.matchText(actual)
  const criterion = negated ? wording.negatedCriterion : wording.criterion
  const actualText = describeActual(wording, actual)
  return criterion ? `${actualText}, ${criterion}` : actualText
}

/** What the lead sent for a fact that counts as unknown because it has the wrong type. */
export interface InvalidValue {
  label: string
  value: unknown
  field?: FieldSpec
}

const typeNames: Record<FieldSpec['type'], string> = {
  string: 'a text',
  enum: 'a text',
  number: 'a number',
  boolean: 'yes or no',
  list: 'a list',
}

/**
 * "Budget and purchase timeline unknown, lead sent to nurture until they are known".
 * A value of the wrong type is named, so nobody hunts for a field that was actually sent:
 * "Employees unknown ("50" is not a number), ...".
 */
export function describeUnknown(
  labels: readonly string[],
  onMissing: OnMissing,
  invalid: readonly InvalidValue[] = [],
): string {
  const distinct = [...new Set(labels)]
  const names = listOf(distinct.map((label, index) => (index === 0 ? label : lowerFirst(label))))
  const notes = [
    ...new Set(
      invalid.map(
        ({ value, field }) =>
          `${JSON.stringify(value)} is not ${typeNames[field?.type ?? 'string']}`,
      ),
    ),
  ]
  const subject = `${names} unknown${notes.length ? ` (${notes.join('; ')})` : ''}`
  const they = distinct.length > 1 ? 'they are' : 'it is'
  if (onMissing === 'reject') return `${subject}; lead rejected because ${they} required`
  return `${subject}, lead sent to nurture until ${they} known`
}

/** "(sales: below 50 seats the deal is under our minimum contract value)". */
export function ownerNote(rule: Pick<Rule, 'owner' | 'rationale' | 'name'>): string {
  return `(${rule.owner}: ${lowerFirst(rule.rationale?.trim() || rule.name)})`
}

function lowerFirst(text: string): string {
  // Keep acronyms ("ICP", "EMEA") and the word "I" as written.
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && /[A-Z]/.test(text[1]!)) return text
  if (/^I\b/.test(text)) return text
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The reason for an outcome the score decided: "Score 45 is below the 60 points needed to accept; ...". */
export function policyText(
  outcome: 'accepted' | 'nurture' | 'rejected',
  score: number,
  acceptAt: number,
  nurtureAt: number,
): string {
  const points = countFormat.format(score)
  const needed = (threshold: number) =>
    `${countFormat.format(threshold)} ${Math.abs(threshold) === 1 ? 'point' : 'points'}`
  if (outcome === 'accepted')
    return `Score ${points} reaches the ${needed(acceptAt)} needed to accept`
  if (outcome === 'nurture') {
    return `Score ${points} is below the ${needed(acceptAt)} needed to accept; lead sent to nurture`
  }
  return `Score ${points} is below the ${needed(nurtureAt)} needed for nurture; lead rejected`
}
