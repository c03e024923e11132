import type { z } from 'zod'
import { formatPath, type RulesetIssue } from './errors.ts'
import { closest } from './operators.ts'
import { forbiddenKeys } from './schema/condition.ts'
import {
  approvalSchema,
  customFieldSchema,
  personaSchema,
  policySchema,
  ruleSchema,
  rulesetSchema,
  testLeadSchema,
} from './schema/ruleset.ts'

/**
 * Issues about the document as written, before its meaning is checked: zod's issues
 * turned into path-addressed messages, and keys that could reach an object's prototype.
 */

/** Every key a ruleset document may use, for "did you mean" on unknown keys. */
const knownKeys: readonly string[] = [
  ...new Set([
    ...Object.keys(rulesetSchema.shape),
    ...Object.keys(ruleSchema.shape),
    ...Object.keys(personaSchema.shape),
    ...Object.keys(policySchema.shape),
    ...Object.keys(customFieldSchema.shape),
    ...Object.keys(approvalSchema.shape),
    ...Object.keys(testLeadSchema.shape),
    'all',
    'any',
    'not',
    'fact',
    'operator',
    'value',
    'list',
    'type',
    'params',
  ]),
]

/** One issue per unknown key, addressed at the key itself: `rules[0].onMisssing`. */
export function schemaIssues(issue: z.core.$ZodIssue): RulesetIssue[] {
  const at = (path: PropertyKey[], message: string): RulesetIssue => ({
    path: formatPath(path),
    message,
    severity: 'error',
    code: 'schema',
  })
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const hint = closest(key, knownKeys)
      const advice = jreKeyHints[key] ?? (hint ? `did you mean "${hint}"?` : undefined)
      return at([...issue.path, key], `unknown key "${key}"${advice ? `; ${advice}` : ''}`)
    })
  }
  if (issue.code === 'invalid_key') {
    // zod only says "Invalid key in record"; the key's own issue says what is wrong.
    const key = issue.path.at(-1)
    return [at(issue.path, `"${String(key)}": ${issue.issues[0]?.message ?? issue.message}`)]
  }
  return [at(issue.path, issue.message)]
}

/** Keys json-rules-engine users write into a condition, with what to do instead. */
const jreKeyHints: Readonly<Record<string, string>> = {
  path: 'write the path into the fact instead, e.g. "company.employees"',
  params: 'facts take no parameters; use a field of the lead instead',
}

/**
 * `__proto__`, `constructor` and `prototype` anywhere in the document, found without
 * recursion so that a hostile 10,000-deep document cannot overflow the stack.
 */
export function forbiddenKeyIssues(input: unknown): RulesetIssue[] {
  // Each entry links to its parent instead of copying the path, so a deep document costs
  // memory in proportion to its size, not to the square of its depth.
  interface Place {
    value: unknown
    key?: PropertyKey
    parent?: Place
  }
  const pathOf = (place: Place): PropertyKey[] => {
    const path: PropertyKey[] = []
    for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) {
      path.unshift(at.key)
    }
    return path
  }
  const issues: RulesetIssue[] = []
  const stack: Place[] = [{ value: input }]
  while (stack.length > 0) {
    const place = stack.pop()!
    const { value } = place
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      value.forEach((item, at) => stack.push({ value: item, key: at, parent: place }))
      continue
    }
    for (const key of Object.keys(value)) {
      const child: Place = { value: (value as Record<string, unknown>)[key], key, parent: place }
      if (!forbiddenKeys.has(key)) {
        stack.push(child)
        continue
      }
      issues.push({
        path: formatPath(pathOf(child)),
        message: `"${key}" is not allowed as a key`,
        severity: 'error',
        code: 'forbidden_key',
      })
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
