import type { FieldSpec } from './field-catalog.ts'
import { asList, fillPhrase, formatValue, listOf } from './format-value.ts'
import { operatorSpec, phraseMatcher, wordsOf, type OperatorName } from './operators.ts'
import { isListRef } from './condition-guards.ts'
import type { ConditionValue } from './schema/condition.ts'

/**
 * How each condition reads, prepared once per condition at compile time: what it demands
 * when it fails, what it shows when it matches, and the statement personas list.
 */

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

const numericStatement = (operator: OperatorName, value: unknown): boolean =>
  operatorSpec(operator).value === 'number' ||
  operator === 'between' ||
  (operator === 'equal' && typeof value === 'number')
