import type { ConditionNode } from './compile.ts'

// The result codes of compile.ts, repeated to keep this module free of an import cycle.
const FAIL = 0
const PASS = 1
const UNKNOWN = 2

/**
 * The condition tree as flat arrays indexed by node number. Reading `node.gate` or
 * `node.slot` off the node objects (which differ in shape: gates, leaves, rule or persona
 * nodes) is slow on the hot path; typed arrays are not.
 */
export interface FlatConditions {
  count: number
  /** LEAF, EXISTS, ALL, ANY or NOT. */
  kinds: Uint8Array
  /** Fact slot of a leaf; -1 for a group. */
  slots: Int32Array
  /** A group's members are `members[firstChild[i]]` up to `members[endChild[i] - 1]`. */
  firstChild: Int32Array
  endChild: Int32Array
  members: Int32Array
}

export const LEAF = 0
export const EXISTS = 1
export const ALL = 2
export const ANY = 3
export const NOT = 4

export function flattenConditions(nodes: readonly ConditionNode[]): FlatConditions {
  const count = nodes.length
  const kinds = new Uint8Array(count)
  const slots = new Int32Array(count)
  const firstChild = new Int32Array(count)
  const endChild = new Int32Array(count)
  const children: number[] = []
  nodes.forEach((node, index) => {
    slots[index] = node.slot
    firstChild[index] = children.length
    children.push(...node.children)
    endChild[index] = children.length
    kinds[index] =
      node.gate === 'all'
        ? ALL
        : node.gate === 'any'
          ? ANY
          : node.gate === 'not'
            ? NOT
            : node.operator === 'exists'
              ? EXISTS
              : LEAF
  })
  return { count, kinds, slots, firstChild, endChild, members: Int32Array.from(children) }
}

/**
 * Every condition of a compiled ruleset as one flat program. Nodes are numbered parent
 * before children, so walking the numbers backwards meets every child before its group:
 * one loop evaluates all conditions (no short-circuit) without a call per group.
 * Three-valued: absent fact → unknown; `all` fails if any member fails, else is unknown if
 * any is; `any` passes if any passes, else unknown if any is; `not` keeps unknown.
 *
 * @example
 * const evaluate = conditionProgram(flattenConditions(nodes), tests, MISSING)
 * evaluate(facts, results) // results[i] is FAIL, PASS or UNKNOWN for node i
 */
export function conditionProgram(
  tree: FlatConditions,
  /** Node index → the leaf's test of a present value (none for groups and `exists`). */
  tests: readonly (((actual: unknown) => boolean) | undefined)[],
  missing: unknown,
): (facts: readonly unknown[], results: Uint8Array) => void {
  const { count, kinds, slots, firstChild, endChild, members } = tree
  return (facts, results) => {
    for (let index = count - 1; index >= 0; index--) {
      switch (kinds[index]) {
        case LEAF: {
          const actual = facts[slots[index]!]
          results[index] = actual === missing ? UNKNOWN : tests[index]!(actual) ? PASS : FAIL
          break
        }
        case EXISTS:
          results[index] = facts[slots[index]!] === missing ? FAIL : PASS
          break
        case ALL: {
          let failed = false
          let unknown = false
          for (let at = firstChild[index]!; at < endChild[index]!; at++) {
            const result = results[members[at]!]
            if (result === FAIL) failed = true
            else if (result === UNKNOWN) unknown = true
          }
          results[index] = failed ? FAIL : unknown ? UNKNOWN : PASS
          break
        }
        case ANY: {
          let passed = false
          let unknown = false
          for (let at = firstChild[index]!; at < endChild[index]!; at++) {
            const result = results[members[at]!]
            if (result === PASS) passed = true
            else if (result === UNKNOWN) unknown = true
          }
          results[index] = passed ? PASS : unknown ? UNKNOWN : FAIL
          break
        }
        case NOT: {
          const result = results[members[firstChild[index]!]!]
          results[index] = result === UNKNOWN ? UNKNOWN : result === PASS ? FAIL : PASS
          break
        }
      }
    }
  }
}
