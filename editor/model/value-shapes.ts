import {
  isListRef,
  operatorSpec,
  type ConditionValue,
  type FieldSpec,
  type OperatorName,
} from '../../engine/index.ts'
import { defaultComparison } from './palette.ts'

/**
 * Carries a condition's value over to a new comparison: "is" 50 becomes "is one of" [50],
 * "is one of" [a, b] becomes "is" a, a number becomes a band around it. Keeps what the user
 * typed wherever the new shape can hold it.
 *
 * @example
 * reshapeValue(50, 'between', employeesField) // [50, 100]
 */
export function reshapeValue(
  value: ConditionValue | undefined,
  operator: OperatorName,
  field: FieldSpec | undefined,
): ConditionValue | undefined {
  const shape = operatorSpec(operator).value
  if (isListRef(value))
    return shape === 'array' || shape === 'text' ? value : firstOf(undefined, field)
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
  switch (shape) {
    case 'none':
      return undefined
    case 'number': {
      const number = items.map(Number).find(Number.isFinite)
      return number ?? numericExample(field)
    }
    case 'range': {
      const numbers = items.map(Number).filter(Number.isFinite)
      const low = numbers[0] ?? numericExample(field)
      const high = numbers[1] ?? Math.max(low * 2, low + 1)
      return [Math.min(low, high), Math.max(low, high)]
    }
    case 'array':
      return items.length > 0 ? items : firstOf(undefined, field, true)
    case 'text':
      return items.length > 0 ? String(items[0]) : ''
    case 'scalar':
      return items.length > 0 ? items[0]! : firstOf(undefined, field)
  }
}

function numericExample(field: FieldSpec | undefined): number {
  return typeof field?.example === 'number' ? field.example : 0
}

function firstOf(
  _value: undefined,
  field: FieldSpec | undefined,
  asList = false,
): ConditionValue | undefined {
  if (!field) return asList ? [] : ''
  const fallback = defaultComparison(field).value
  const first = Array.isArray(fallback) ? fallback[0] : fallback
  if (first === undefined || first === null || typeof first === 'object') return asList ? [] : ''
  return asList ? [first] : first
}
