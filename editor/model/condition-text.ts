import {
  formatExpected,
  operatorSpec,
  type ConditionValue,
  type FieldSpec,
  type OperatorName,
} from '../../engine/index.ts'

/**
 * A condition as a short sentence for cards and change lists: "Employees is at least 50".
 * Unlike the engine's wording this copes with a half-edited value (the editor shows it while
 * the user types), answering "Employees is at least …" instead of throwing.
 *
 * @example
 * conditionText({ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }, catalog)
 * // 'Employees is at least 50'
 */
export function conditionText(
  condition: { fact: string; operator: OperatorName; value?: ConditionValue },
  catalog: ReadonlyMap<string, FieldSpec>,
): string {
  const field = catalog.get(condition.fact)
  const label = field?.label ?? condition.fact
  const spec = operatorSpec(condition.operator)
  if (spec.value === 'none') return `${label} ${spec.label}`
  return `${label} ${spec.label} ${expectedText(condition.operator, condition.value, field)}`
}

/** Just the value part: "50", "Manufacturing, Finance", "the list "competitor-domains"". */
export function expectedText(
  operator: OperatorName,
  value: ConditionValue | undefined,
  field: FieldSpec | undefined,
): string {
  if (!fitsShape(operator, value)) return '…'
  return formatExpected(operator, value, field)
}

function fitsShape(operator: OperatorName, value: ConditionValue | undefined): boolean {
  if (value === undefined || value === null || value === '')
    return operatorSpec(operator).value === 'none'
  if (typeof value === 'object' && !Array.isArray(value)) return true
  switch (operatorSpec(operator).value) {
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')
    case 'array':
      return !Array.isArray(value) || value.length > 0
    default:
      return true
  }
}
