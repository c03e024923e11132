import type { Outcome } from '../../engine/index.ts'
import type { FlaggedImpact } from './flag-types.ts'

export const MAX_COMMENT = 2000

/** What the flag form holds while a person fills it in. */
export interface FlagDraft {
  comment: string
  /** '' while no outcome is suggested. */
  suggestedOutcome: Outcome | ''
  ruleIds: string[]
}

export interface FlagBody {
  comment: string
  suggestedOutcome?: Outcome
  ruleIds?: string[]
}

/**
 * The request body for `POST /api/decisions/{id}/flags`, or the sentence that says what to
 * fix first. The server checks the same (comment 1..2000 characters after trimming); asking
 * here keeps the person's words in the form instead of losing them to a round trip.
 *
 * @example
 * flagBody({ comment: ' Real buyer ', suggestedOutcome: 'accepted', ruleIds: [] })
 * // { ok: true, body: { comment: 'Real buyer', suggestedOutcome: 'accepted' } }
 */
export function flagBody(
  draft: FlagDraft,
  decisionOutcome: Outcome,
): { ok: true; body: FlagBody } | { ok: false; problem: string } {
  const comment = draft.comment.trim()
  if (!comment) return { ok: false, problem: 'Say in a few words why this decision is wrong.' }
  if (comment.length > MAX_COMMENT) {
    return {
      ok: false,
      problem: `Keep the comment under ${MAX_COMMENT} characters (it has ${comment.length}).`,
    }
  }
  if (draft.suggestedOutcome === decisionOutcome) {
    return {
      ok: false,
      problem: `The decision already says ${decisionOutcome}; suggest another outcome or none.`,
    }
  }
  const body: FlagBody = { comment }
  if (draft.suggestedOutcome) body.suggestedOutcome = draft.suggestedOutcome
  if (draft.ruleIds.length > 0) body.ruleIds = [...new Set(draft.ruleIds)]
  return { ok: true, body }
}

/**
 * What a new version does to a flagged lead, in one sentence for the impact panel.
 *
 * @example
 * flaggedVerdict({ before: 'rejected', after: 'accepted', flipped: true, agrees: true, suggestedOutcome: 'accepted', flippedBy: 'min-employees' }, 4)
 * // 'v4 makes it accepted, as the flag asks (min-employees).'
 */
export function flaggedVerdict(
  flagged: Pick<
    FlaggedImpact,
    'before' | 'after' | 'flipped' | 'agrees' | 'suggestedOutcome' | 'flippedBy'
  >,
  version: number,
): string {
  const by = flagged.flippedBy ? ` (${flagged.flippedBy})` : ''
  if (!flagged.flipped) {
    return `v${version} still decides ${flagged.after}${
      flagged.suggestedOutcome ? `; the flag asks for ${flagged.suggestedOutcome}` : ''
    }.`
  }
  if (flagged.agrees === true)
    return `v${version} makes it ${flagged.after}, as the flag asks${by}.`
  if (flagged.agrees === false) {
    return `v${version} makes it ${flagged.after}${by}, but the flag asks for ${flagged.suggestedOutcome}.`
  }
  return `v${version} changes it from ${flagged.before} to ${flagged.after}${by}.`
}
