import type { EngineResult, RuleResult } from 'json-rules-engine'
import type { JreLeadgateParams, Outcome, Policy } from '../../engine/index.ts'

export interface JreVerdict {
  outcome: Outcome
  score: number
  /** Rule id → whether JRE fired the rule's event. */
  fired: Record<string, boolean>
}

/**
 * A lead's outcome from a JRE run of exported rules, read only from the events (their
 * params carry kind and points): a disqualify rule fired or a require rule did not →
 * rejected; otherwise the fired score rules' points against the policy thresholds.
 *
 * @example
 * const verdict = jreVerdict(await engine.run(lead), ruleset.policy)
 */
export function jreVerdict(
  result: EngineResult,
  policy: Pick<Policy, 'acceptAt' | 'nurtureAt'>,
): JreVerdict {
  const fired: Record<string, boolean> = {}
  let rejected = false
  let score = 0
  const read = (ruleResult: RuleResult, passed: boolean) => {
    const params = ruleResult.event?.params as unknown as JreLeadgateParams
    fired[params.ruleId] = passed
    if (params.kind === 'disqualify' && passed) rejected = true
    if (params.kind === 'require' && !passed) rejected = true
    if (params.kind === 'score' && passed) score += params.points ?? 0
  }
  for (const ruleResult of result.results) read(ruleResult, true)
  for (const ruleResult of result.failureResults) read(ruleResult, false)
  const outcome: Outcome = rejected
    ? 'rejected'
    : score >= policy.acceptAt
      ? 'accepted'
      : score >= policy.nurtureAt
        ? 'nurture'
        : 'rejected'
  return { outcome, score, fired }
}
