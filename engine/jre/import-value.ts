import { InvalidJreDocumentError } from '../errors.ts'
import type { LeafCondition } from '../schema/condition.ts'

/** Reports one unsupported feature of the condition being imported. */
export type Refuse = (feature: string, path: string, detail: string) => void

/**
 * A JRE leaf's `value` as a leadgate condition value, or undefined after refusing what
 * leadgate cannot compare the same way: another fact, an object, or a missing value tested
 * for (`equal null`, `in [""]`), or `in` on a text (a substring search in JRE).
 */
export function importValue(
  leaf: Record<string, unknown>,
  path: string,
  operator: string,
  refuse: Refuse,
): LeafCondition['value'] {
  if (!Object.hasOwn(leaf, 'value')) {
    throw new InvalidJreDocumentError(`${path}.value`, `a condition needs a "value"`)
  }
  const value = leaf.value
  const where = `${path}.value`
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if (Object.hasOwn(value, 'fact')) {
      refuse(
        'fact comparison',
        where,
        'the value is another fact ({ "fact": ... }); leadgate compares a fact with a value written in the rule',
      )
    } else {
      refuse(
        'object value',
        where,
        'json-rules-engine compares objects by identity, so this can never match',
      )
    }
    return undefined
  }
  const items = Array.isArray(value) ? value : [value]
  // `equal null` or `in ["", ...]` hold exactly when the fact is absent or blank, which
  // leadgate reads as unknown: such a condition would never pass here.
  const testsForMissing = operator === 'equal' || operator === 'in'
  for (const [at, item] of items.entries()) {
    const itemPath = Array.isArray(value) ? `${where}[${at}]` : where
    const missingLike = item === null || (typeof item === 'string' && item.trim() === '')
    if (missingLike && testsForMissing) {
      refuse(
        'comparison with a missing value',
        itemPath,
        'leadgate reads null and blank text as unknown, so a condition cannot test for them; use "exists" or the rule\'s onMissing',
      )
      return undefined
    }
    if (item !== null && typeof item === 'object') {
      refuse('object value', itemPath, 'leadgate compares with text, numbers and yes/no only')
      return undefined
    }
  }
  if ((operator === 'in' || operator === 'notIn') && !Array.isArray(value)) {
    refuse(
      `"${operator}" on text`,
      where,
      `json-rules-engine's "${operator}" with a text value looks for the fact inside the text; leadgate's needs a list of values`,
    )
    return undefined
  }
  return value as LeafCondition['value']
}
