import { describeFailure, describeMatch, type LeafWording } from './explain.ts'
import { rememberedText } from './hot-path.ts'

type Describe = (actual: unknown) => string

/** The sentences about one leaf condition (by node index) and a lead's value. */
export interface LeafTexts {
  /** "Company has 12 employees; at least 50 required". */
  failure(index: number, actual: unknown, negated: boolean): string
  /** "Company has 500 employees (at least 200)". */
  match(index: number, actual: unknown, negated: boolean): string
}

/**
 * Sentence builders for the leaves of one compiled ruleset. A leaf's sentence depends only
 * on the leaf, the lead's value and whether a `not` above it flips it, so each is built
 * once per recent value rather than once per decision (see `rememberedText`).
 */
export function leafTexts(wordings: readonly (LeafWording | undefined)[]): LeafTexts {
  // Slot: node index × 4 + (negated ? 2 : 0) + (match ? 1 : 0), built when first needed.
  const builders: Describe[] = []
  const builder = (index: number, negated: boolean, match: boolean): Describe => {
    const at = index * 4 + (negated ? 2 : 0) + (match ? 1 : 0)
    const wording = wordings[index]!
    return (builders[at] ??= rememberedText((actual) =>
      match ? describeMatch(wording, actual, negated) : describeFailure(wording, actual, negated),
    ))
  }
  return {
    failure: (index, actual, negated) => builder(index, negated, false)(actual),
    match: (index, actual, negated) => builder(index, negated, true)(actual),
  }
}
