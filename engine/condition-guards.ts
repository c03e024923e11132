import type {
  AllCondition,
  AnyCondition,
  Condition,
  LeafCondition,
  ListRef,
  NotCondition,
} from './schema/condition.ts'

// What kind of condition a node is. They live apart from the zod schemas (which re-export
// them), so code that only evaluates, such as a CLI worker thread, does not load zod.
export const isLeaf = (condition: Condition): condition is LeafCondition => 'fact' in condition
export const isAll = (condition: Condition): condition is AllCondition => 'all' in condition
export const isAny = (condition: Condition): condition is AnyCondition => 'any' in condition
export const isNot = (condition: Condition): condition is NotCondition => 'not' in condition
export const isListRef = (value: unknown): value is ListRef =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'list' in value
