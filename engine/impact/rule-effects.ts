import { resultNames, type CompiledRuleset, type Evaluation } from '../compile.ts'
import type { Effect } from '../schema/decision.ts'
import type { Rule } from '../schema/ruleset.ts'

/** What one rule did to one lead: its effect and the points it gave. */
export interface RuleEffect {
  effect: Effect
  points: number
}

const unknownDefault: Record<Rule['kind'], Effect> = {
  require: 'nurture',
  disqualify: 'none',
  score: 'none',
}

/**
 * The effect of a rule's result, by the rules of "How a lead is decided".
 *
 * @example
 * effectOf({ kind: 'require', onMissing: 'reject', ... }, 'unknown') // { effect: 'rejected', points: 0 }
 */
export function effectOf(rule: Rule, result: 'pass' | 'fail' | 'unknown'): RuleEffect {
  if (result === 'unknown') {
    const effect =
      rule.onMissing === undefined
        ? unknownDefault[rule.kind]
        : rule.onMissing === 'reject'
          ? 'rejected'
          : rule.onMissing === 'nurture'
            ? 'nurture'
            : 'none'
    return { effect, points: 0 }
  }
  if (rule.kind === 'require') return { effect: result === 'fail' ? 'rejected' : 'none', points: 0 }
  if (rule.kind === 'disqualify')
    return { effect: result === 'pass' ? 'rejected' : 'none', points: 0 }
  return result === 'pass'
    ? { effect: 'points', points: rule.points ?? 0 }
    : { effect: 'none', points: 0 }
}

/**
 * Rule id → effect for one evaluation, from the compiled ruleset's per-rule result codes.
 * Disabled rules are absent, as they are from the evaluation.
 */
export function ruleEffects(
  compiled: CompiledRuleset,
  evaluation: Evaluation,
): Map<string, RuleEffect> {
  const active = compiled.ruleset.rules.filter((rule) => rule.enabled !== false)
  const effects = new Map<string, RuleEffect>()
  active.forEach((rule, at) => {
    effects.set(rule.id, effectOf(rule, resultNames[evaluation.ruleCodes[at]!]!))
  })
  return effects
}
