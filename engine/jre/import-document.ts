import { InvalidJreDocumentError } from '../errors.ts'
import { forbiddenKeys } from '../schema/condition.ts'
import { slugSchema } from '../schema/ruleset.ts'
import type { ConditionImport } from './import-condition.ts'

const join = (base: string, key: string) => (base === '' ? key : `${base}.${key}`)

/**
 * Gives a list back the name `exportJre` noted on its inlined values. Answers false (the
 * values stay inline) when the name is not a slug, the values are not texts or numbers, or
 * another condition already gave the list other values.
 */
export function restoreList(
  lists: Record<string, (string | number)[]>,
  name: string,
  values: readonly unknown[],
  path: string,
  context: ConditionImport,
): boolean {
  if (!slugSchema.safeParse(name).success) return false
  if (!values.every((value) => typeof value === 'string' || typeof value === 'number')) return false
  const known = lists[name]
  if (!known) {
    lists[name] = [...(values as (string | number)[])]
    return true
  }
  if (known.length === values.length && known.every((value, at) => value === values[at]))
    return true
  context.warn(
    `${path}.leadgate.list`,
    'jre_list_conflict',
    `list "${name}" has other values elsewhere in this document; this condition keeps its own values`,
  )
  return false
}

/** `__proto__`, `constructor` and `prototype` keys are refused anywhere in the document. */
export function refuseForbiddenKeys(input: unknown, root: string): void {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: input, path: root, depth: 0 },
  ]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > 200) throw new InvalidJreDocumentError(path, 'the document nests too deeply')
    if (Array.isArray(value)) {
      value.forEach((item, at) =>
        stack.push({ value: item, path: `${path}[${at}]`, depth: depth + 1 }),
      )
      continue
    }
    for (const [key, item] of Object.entries(value)) {
      const itemPath = join(path, key)
      if (forbiddenKeys.has(key)) {
        throw new InvalidJreDocumentError(itemPath, `the key "${key}" is not allowed`)
      }
      stack.push({ value: item, path: itemPath, depth: depth + 1 })
    }
  }
}
