import type { ConditionNode } from './compile.ts'
import { describeFailure, describeMatch } from './explain.ts'
import { rememberedText } from './hot-path.ts'

type Describe = (actual: unknown) => string

/** The sentences about one leaf condition and a lead's value, remembered per value. */
export interface LeafTexts {
  /** "Company has 12 employees; at least 50 required". */
  failure(node: ConditionNode, actual: unknown, negated: boolean): string
  /** "Company has 500 employees (at least 200)". */
  match(node: ConditionNode, actual: unknown, negated: boolean): string
}

/**
 * Sentence builders for the leaves of one compiled ruleset. A leaf's sentence depends only on
 * the leaf, the lead's value and whether a `not` above it flips it, so each is built once
 * per recent value rather than once per decision.
 */
export function leafTexts(): LeafTexts {
  // Index: node index × 4 + (negated ? 2 : 0) + (match ? 1 : 0), built when first needed.
  const builders: Describe[] = []
  const builder = (node: ConditionNode, negated: boolean, match: boolean): Describe => {
    const at = node.index * 4 + (negated ? 2 : 0) + (match ? 1 : 0)
    const wording = node.wording!
    return (builders[at] ??= rememberedText((actual) =>
      match ? describeMatch(wording, actual, negated) : describeFailure(wording, actual, negated),
    ))
  }
  return {
    failure: (node, actual, negated) => builder(node, negated, false)(actual),
    match: (node, actual, negated) => builder(node, negated, true)(actual),
  }
}
