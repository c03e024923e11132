import {
  flipCause,
  ruleEffects,
  type CompiledRuleset,
  type Lead,
  type Outcome,
} from '../../engine/index.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import type { DecisionLog, FlagRecord } from '../store/types.ts'

export interface FlaggedLead {
  flagId: string
  decisionId: string
  leadId: string | number | null
  comment: string
  side: FlagRecord['side']
  suggestedOutcome: Outcome | null
  /** The outcome the flagged decision got. */
  before: Outcome
  /** The outcome under the simulated version. */
  after: Outcome
  flipped: boolean
  /** Whether the new outcome is the one the flagger asked for; null when they asked for none. */
  agrees: boolean | null
  /** The rule that flipped it ("policy" when only thresholds changed); null when not flipped. */
  flippedBy: string | null
}

/**
 * Decides the lead of every open flag again with the simulated version, so a draft shows which
 * disputes it settles (or not) even when the flagged leads are outside the sample. A flag whose
 * decision left the log (retention) cannot be re-decided: it is counted in `missing`.
 *
 * @example
 * const { flagged } = await flaggedLeads(openFlags, log, evaluators, draft)
 * flagged[0] // { flagId: 'flg_…', before: 'rejected', after: 'accepted', flipped: true, agrees: true, flippedBy: 'min-employees', … }
 */
export async function flaggedLeads(
  flags: readonly FlagRecord[],
  log: DecisionLog,
  evaluators: EvaluatorCache,
  target: CompiledRuleset,
): Promise<{ flagged: FlaggedLead[]; missing: number }> {
  const flagged: FlaggedLead[] = []
  let missing = 0
  for (const flag of flags) {
    const json = await log.getJson(flag.decisionId)
    if (json === undefined) {
      missing++
      continue
    }
    const { lead } = JSON.parse(json) as { lead: Lead }
    const now = target.run(lead)
    const before = flag.outcome
    const after = now.outcome
    let flippedBy: string | null = null
    if (before !== after) {
      // Effects of the target first: the baseline's run may reuse its result buffers.
      const nowEffects = ruleEffects(target, now)
      const baseline = await evaluators
        .get(flag.rulesetId, flag.version)
        .then((version) => version.compiled)
        .catch(() => null)
      flippedBy = baseline
        ? flipCause(before, after, ruleEffects(baseline, baseline.run(lead)), nowEffects)
        : null
    }
    flagged.push({
      flagId: flag.flagId,
      decisionId: flag.decisionId,
      leadId: flag.leadId,
      comment: flag.comment,
      side: flag.side,
      suggestedOutcome: flag.suggestedOutcome,
      before,
      after,
      flipped: before !== after,
      agrees: flag.suggestedOutcome === null ? null : after === flag.suggestedOutcome,
      flippedBy,
    })
  }
  return { flagged, missing }
}
