import { z } from 'zod'
import { closest, operatorNames, type OperatorName } from '../operators.ts'

/** A reference to one of the ruleset's named lists: `{ "list": "competitor-domains" }`. */
export const listRefSchema = z.strictObject({
  list: z.string().min(1).max(100).describe('Name of a list in the ruleset'),
})
export type ListRef = z.infer<typeof listRefSchema>

const scalarSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])

export const conditionValueSchema = z.union([
  scalarSchema,
  z.array(z.union([z.string().max(10_000), z.number(), z.boolean()])).max(10_000),
  listRefSchema,
])
export type ConditionValue = z.infer<typeof conditionValueSchema>

export const operatorSchema = z.enum(operatorNames, {
  error: (issue) => {
    const given = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input)
    const hint = typeof issue.input === 'string' ? closest(issue.input, operatorNames) : undefined
    return `unknown operator "${given}"${hint ? `; did you mean "${hint}"?` : ''}`
  },
})

export interface LeafCondition {
  fact: string
  operator: OperatorName
  value?: ConditionValue
}
export interface AllCondition {
  all: Condition[]
}
export interface AnyCondition {
  any: Condition[]
}
export interface NotCondition {
  not: Condition
}
/** json-rules-engine's condition shape, over dotted fact paths of the lead. */
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition

export const factPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/,
    'a fact is a dotted path such as "company.employees"',
  )
  .refine((path) => !path.split('.').some((part) => forbiddenKeys.has(part)), {
    message: 'a fact path may not use __proto__, constructor or prototype',
  })

export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

const MAX_DEPTH = 32

/**
 * One object schema with every key optional, checked for "exactly one form" afterwards:
 * this keeps error paths exact (`when.all[1].operator`) where a union would only say that
 * none of its branches matched.
 */
const conditionShape: z.ZodType<Condition> = z
  .strictObject({
    get all() {
      return z
        .array(conditionShape)
        .min(1, 'an "all" group needs at least one condition')
        .max(500)
        .optional()
    },
    get any() {
      return z
        .array(conditionShape)
        .min(1, 'an "any" group needs at least one condition')
        .max(500)
        .optional()
    },
    get not() {
      return conditionShape.optional()
    },
    fact: factPathSchema.optional(),
    operator: operatorSchema.optional(),
    value: conditionValueSchema.optional(),
  })
  .superRefine((condition, ctx) => {
    const forms = ['all', 'any', 'not', 'fact'].filter(
      (key) => (condition as Record<string, unknown>)[key] !== undefined,
    )
    if (forms.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'a condition needs "all", "any", "not" or a "fact" with an "operator"',
      })
      return
    }
    if (forms.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a condition has exactly one of "all", "any", "not" or "fact"; found ${forms.map((f) => `"${f}"`).join(' and ')}`,
      })
      return
    }
    const leaf = condition as Partial<LeafCondition>
    if (forms[0] === 'fact' && leaf.operator === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: 'a condition on a fact needs an operator',
      })
    }
    if (forms[0] !== 'fact' && (leaf.operator !== undefined || leaf.value !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: '"operator" and "value" belong to a condition on a fact',
      })
    }
  }) as unknown as z.ZodType<Condition>

/** Rejects absurdly deep trees before zod walks them (a 10,000-deep `not` chain). */
export const conditionSchema: z.ZodType<Condition> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (depthOf(value, 1) > MAX_DEPTH) {
      ctx.addIssue({
        code: 'custom',
        message: `conditions may nest at most ${MAX_DEPTH} levels deep`,
      })
    }
  })
  .pipe(conditionShape) as unknown as z.ZodType<Condition>

/**
 * Levels of conditions: a leaf is one level, a group one more than its deepest member. Only
 * `all`, `any` and `not` count (a list reference in `value` is not a level); the walk stops
 * past the limit, so its own recursion is bounded.
 */
function depthOf(condition: unknown, depth: number): number {
  if (depth > MAX_DEPTH || condition === null || typeof condition !== 'object') return depth
  if (Array.isArray(condition)) return depth
  const { all, any, not } = condition as Record<string, unknown>
  const members = [
    ...(Array.isArray(all) ? all : []),
    ...(Array.isArray(any) ? any : []),
    ...(not === undefined ? [] : [not]),
  ]
  let deepest = depth
  for (const member of members) {
    deepest = Math.max(deepest, depthOf(member, depth + 1))
    if (deepest > MAX_DEPTH) break
  }
  return deepest
}

// Kept apart from the schemas, so evaluating (a CLI worker) does not load zod.
export { isAll, isAny, isLeaf, isListRef, isNot } from '../condition-guards.ts'
