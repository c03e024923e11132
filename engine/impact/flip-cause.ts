import type { Outcome } from '../schema/lead.ts'
import type { RuleEffect } from './rule-effects.ts'

const rank: Record<Outcome, number> = { rejected: 0, nurture: 1, accepted: 2 }
const none: RuleEffect = { effect: 'none', points: 0 }

/**
 * The rule that flipped a lead from `before` to `after` between two ruleset versions: among
 * the rules whose effect on this lead changed, the one that explains the new outcome (a new
 * rejection, a new nurture, a rejection or nurture lifted, else the largest change in points
 * in the direction of the flip). "policy" when no rule changed but the thresholds did.
 *
 * @example
 * flipCause('accepted', 'rejected', baselineEffects, draftEffects) // 'min-employees'
 */
export function flipCause(
  before: Outcome,
  after: Outcome,
  baseline: ReadonlyMap<string, RuleEffect>,
  draft: ReadonlyMap<string, RuleEffect>,
): string {
  const changed: { id: string; was: RuleEffect; now: RuleEffect }[] = []
  for (const id of new Set([...draft.keys(), ...baseline.keys()])) {
    const was = baseline.get(id) ?? none
    const now = draft.get(id) ?? none
    if (was.effect !== now.effect || was.points !== now.points) changed.push({ id, was, now })
  }
  const find = (test: (change: (typeof changed)[number]) => boolean) => changed.find(test)?.id
  const better = rank[after] > rank[before]
  const cause = better
    ? before === 'rejected'
      ? find((change) => change.was.effect === 'rejected')
      : find((change) => change.was.effect === 'nurture')
    : after === 'rejected'
      ? find((change) => change.now.effect === 'rejected')
      : find((change) => change.now.effect === 'nurture')
  if (cause) return cause
  let best: { id: string; delta: number } | undefined
  for (const change of changed) {
    const delta = change.now.points - change.was.points
    if ((better ? delta > 0 : delta < 0) && (!best || Math.abs(delta) > Math.abs(best.delta))) {
      best = { id: change.id, delta }
    }
  }
  return best?.id ?? changed[0]?.id ?? 'policy'
}
