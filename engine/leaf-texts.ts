import type { LeafWording } from './condition-wording.ts'
import { describeFailure, describeMatch } from './explain.ts'
import { remembered } from './hot-path.ts'

/**
 * The sentence about one leaf condition (by node index) and a lead's value: for a failure
 * "Company has 12 employees; at least 50 required", for a match "Company has 500 employees
 * (at least 200)"; `negated` when a `not` above the leaf flips it.
 */
export type LeafSentence = (
  index: number,
  match: boolean,
  negated: boolean,
  actual: unknown,
) => string

/**
 * Sentence builders for the leaves of one compiled ruleset. A leaf's sentence depends only
 * on the leaf, the lead's value and the polarity, so each is built once per recent value
 * rather than once per decision (see `remembered`).
 */
export function leafSentence(wordings: readonly (LeafWording | undefined)[]): LeafSentence {
  // At node index × 4 + (negated ? 2 : 0) + (match ? 1 : 0); none for groups.
  const builders = wordings.flatMap((wording) =>
    wording
      ? [false, true].flatMap((negated) => [
          remembered((actual) => describeFailure(wording, actual, negated)),
          remembered((actual) => describeMatch(wording, actual, negated)),
        ])
      : [undefined, undefined, undefined, undefined],
  )
  return (index, match, negated, actual) =>
    builders[index * 4 + (negated ? 2 : 0) + (match ? 1 : 0)]!(actual)
}
