import type { LeafWording } from './condition-wording.ts'
import type { FieldSpec } from './field-catalog.ts'
import { countFormat, fillPhrase, formatValue, listOf } from './format-value.ts'
import type { OnMissing, Rule } from './schema/ruleset.ts'

/**
 * Plain-language reasons. The wording of each condition is prepared at compile time
 * (condition-wording.ts); only the lead's own values are put into sentences here.
 */

/** "Company has 12 employees" or "Industry is Retail trade". */
export function describeActual(wording: LeafWording, actual: unknown): string {
  if (actual === undefined) return `${wording.label} is missing`
  const value = Array.isArray(actual)
    ? listOf(actual.map((item) => formatValue(item, wording.field)))
    : formatValue(actual, wording.field)
  if (!wording.phrase) return `${wording.label} is ${value}`
  return fillPhrase(wording.phrase, value, actual)
}

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
