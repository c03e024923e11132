import type { FieldSpec } from './field-catalog.ts'
import { formatCount } from './number-format.ts'
import { operatorSpec, type OperatorName } from './operators.ts'
import { isListRef, type ConditionValue } from './schema/condition.ts'
import type { OnMissing, Rule } from './schema/ruleset.ts'

/**
 * Plain-language explanations. Everything that does not depend on the lead (labels, the
 * wording of what a condition demands) is prepared once per condition at compile time;
 * only the lead's own value is formatted per decision.
 */

// Writes what Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }) writes, several times
// faster: reasons format numbers for every decision.
const countFormat = { format: formatCount }
const MAX_LISTED = 5

/** "$2.5M", "$50,000", "1,200", "3 months", "15 min". */
export function formatValue(value: unknown, field?: Pick<FieldSpec, 'format' | 'options'>): string {
  if (Array.isArray(value)) return listOf(value.map((item) => formatValue(item, field)))
  if (typeof value === 'number') {
    switch (field?.format) {
      case 'currency':
        return formatMoney(value)
      case 'months':
        return `${countFormat.format(value)} ${value === 1 ? 'month' : 'months'}`
      case 'seconds':
        return value >= 120
          ? `${countFormat.format(Math.round(value / 60))} min`
          : `${countFormat.format(value)} s`
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

/** "A, B, C, D, E and 3 more". */
function listOf(items: readonly string[], last = ', '): string {
  if (items.length <= 1) return items[0] ?? 'nothing'
  if (items.length > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`
  }
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`
}

/** How the condition's value reads in a sentence, e.g. `"vp", "director" or "head of"`. */
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
    case 'endsWith': {
      const quoted = (Array.isArray(value) ? value : [value]).map((item) => `"${String(item)}"`)
      return listOf(quoted, ' or ')
    }
    case 'in':
    case 'notIn':
    case 'containsAny':
      return listOf(
        (Array.isArray(value) ? value : [value]).map((item) => formatValue(item, field)),
      )
    default:
      return formatValue(value, field)
  }
}

export interface LeafWording {
  label: string
  /** "Employees is at least 50": the condition as a statement, for persona criteria. */
  statement: string
  /** "at least 50": what the condition demands. */
  criterion: string
  phrase?: string
  field?: FieldSpec
}

export function leafWording(
  fact: string,
  operator: OperatorName,
  value: ConditionValue | undefined,
  field: FieldSpec | undefined,
): LeafWording {
  const spec = operatorSpec(operator)
  const label = field?.label ?? fact
  const expected = formatExpected(operator, value, field)
  const listed = isListRef(value)
  let criterion = spec.criterion(expected)
  if (listed && operator === 'in') criterion = `on ${expected}`
  if (listed && operator === 'notIn') criterion = `not on ${expected}`
  const statement =
    operator === 'exists' ? `${label} is known` : `${label} ${spec.label} ${expected}`
  return { label, statement, criterion, phrase: field?.phrase, field }
}

/** "Company has 12 employees" or "Industry is Retail trade". */
export function describeActual(wording: LeafWording, actual: unknown): string {
  if (actual === undefined) return `${wording.label} is missing`
  const value = formatValue(actual, wording.field)
  return wording.phrase ? wording.phrase.replace('{value}', value) : `${wording.label} is ${value}`
}

/** A condition that did not hold: "Company has 12 employees; at least 50 required". */
export function describeFailure(wording: LeafWording, actual: unknown, negated: boolean): string {
  const demand = negated ? `not ${wording.criterion}` : wording.criterion
  return `${describeActual(wording, actual)}; ${demand} required`
}

/** A condition that held: "Company has 500 employees (at least 200)". */
export function describeMatch(wording: LeafWording, actual: unknown, negated: boolean): string {
  const demand = negated ? `not ${wording.criterion}` : wording.criterion
  return `${describeActual(wording, actual)} (${demand})`
}

/** "Budget and purchase timeline unknown, lead sent to nurture until they are known". */
export function describeUnknown(labels: readonly string[], onMissing: OnMissing): string {
  const distinct = [...new Set(labels)]
  const names = listOf(
    distinct.map((label, index) => (index === 0 ? label : lowerFirst(label))),
    ' and ',
  )
  const plural = distinct.length > 1
  if (onMissing === 'reject') {
    return `${names} unknown; ${plural ? 'they are' : 'it is'} required, lead rejected`
  }
  return `${names} unknown, lead sent to nurture until ${plural ? 'they are' : 'it is'} known`
}

/** "(sales: below 50 seats the deal is under our minimum contract value)". */
export function ownerNote(rule: Pick<Rule, 'owner' | 'rationale' | 'name'>): string {
  return `(${rule.owner}: ${lowerFirst(rule.rationale?.trim() || rule.name)})`
}

function lowerFirst(text: string): string {
  // Keep acronyms ("ICP", "EMEA") as written.
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && /[A-Z]/.test(text[1]!)) return text
  return text.charAt(0).toLowerCase() + text.slice(1)
}

export function policyText(
  outcome: 'accepted' | 'nurture' | 'rejected',
  score: number,
  acceptAt: number,
  nurtureAt: number,
): string {
  const points = countFormat.format(score)
  if (outcome === 'accepted')
    return `Score ${points} reaches the ${countFormat.format(acceptAt)} needed to accept`
  if (outcome === 'nurture') {
    return `Score ${points} is below the ${countFormat.format(acceptAt)} needed to accept; lead sent to nurture`
  }
  return `Score ${points} is below the ${countFormat.format(nurtureAt)} needed for nurture; lead rejected`
}
