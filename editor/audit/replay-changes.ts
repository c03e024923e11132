import type { Decision, Outcome, Reason, Result } from '../../engine/index.ts'
import type { ChangeItem } from '../model/index.ts'

/** One rule whose result differs between the stored decision and the replay, and why. */
export interface RuleChange {
  ruleId: string
  name: string
  before: Result | null
  after: Result | null
  /** In words: what the newer version changed in this rule, or why the result moved. */
  why: string
  /** It rejected or nurtured the lead on one side: the kind of change that moves an outcome. */
  gating: boolean
}

/** What a replay changed, ready to show beside the two decisions. */
export interface ReplaySummary {
  outcome: { before: Outcome; after: Outcome } | null
  score: { before: number; after: number } | null
  reasonsAdded: Reason[]
  reasonsRemoved: Reason[]
  rules: RuleChange[]
  /** One sentence for the top of the page. */
  headline: string
}

type Compared = Pick<Decision, 'outcome' | 'score' | 'reasons' | 'rules' | 'ruleset'>

const reasonKey = (reason: Reason) => `${reason.ruleId ?? 'policy'}|${reason.effect}|${reason.text}`

const resultWords: Record<Result, string> = { pass: 'passes', fail: 'fails', unknown: 'is unknown' }

function whyRuleMoved(
  before: Result | null,
  after: Result | null,
  change: ChangeItem | undefined,
  versions: { before: number; after: number },
): string {
  if (before === null) return `Added in v${versions.after}.`
  if (after === null) return `Removed in v${versions.after}.`
  if (change) {
    const fields = change.fields
      .map((field) => `${field.field}: ${field.before ?? '—'} → ${field.after ?? '—'}`)
      .join('; ')
    return `Changed in v${versions.after}${fields ? `: ${fields}` : ''}.`
  }
  return versions.before === versions.after
    ? `Same rule; the lead's data or a list it reads changed since.`
    : `The rule itself is the same in v${versions.after}; a list or field it reads changed.`
}

/**
 * Compares a stored decision with its replay on another version: outcome and score moves,
 * reasons that appear or disappear, and each rule whose result changed with the change in
 * the ruleset that explains it (`diffRulesets(stored version, replay version).changes`).
 *
 * @example
 * const summary = replaySummary(stored, replayed, diffRulesets(v1, v2).changes)
 * summary.headline // 'Rejected on v1, accepted on v2: "At least 20 employees" now passes.'
 */
export function replaySummary(
  stored: Compared,
  replayed: Compared,
  changes: readonly ChangeItem[],
): ReplaySummary {
  const beforeKeys = new Set(stored.reasons.map(reasonKey))
  const afterKeys = new Set(replayed.reasons.map(reasonKey))
  const versions = { before: stored.ruleset.version, after: replayed.ruleset.version }
  const ruleChange = new Map(
    changes.filter((item) => item.area === 'rule').map((item) => [item.id, item]),
  )
  // The newest name wins: the replayed version's reasons, then its change list, then the old.
  const names = new Map<string, string>()
  for (const reason of stored.reasons) {
    if (reason.ruleId && reason.ruleName) names.set(reason.ruleId, reason.ruleName)
  }
  for (const item of ruleChange.values()) names.set(item.id, item.name)
  for (const reason of replayed.reasons) {
    if (reason.ruleId && reason.ruleName) names.set(reason.ruleId, reason.ruleName)
  }
  const before = new Map(stored.rules.map((rule) => [rule.ruleId, rule.result]))
  const after = new Map(replayed.rules.map((rule) => [rule.ruleId, rule.result]))
  const gating = new Set(
    [...stored.rules, ...replayed.rules]
      .filter((rule) => rule.effect === 'rejected' || rule.effect === 'nurture')
      .map((rule) => rule.ruleId),
  )
  const ids = [...new Set([...before.keys(), ...after.keys()])]
  const rules = ids
    .filter((id) => before.get(id) !== after.get(id))
    .map((ruleId): RuleChange => {
      const was = before.get(ruleId) ?? null
      const now = after.get(ruleId) ?? null
      return {
        ruleId,
        name: names.get(ruleId) ?? ruleId,
        before: was,
        after: now,
        why: whyRuleMoved(was, now, ruleChange.get(ruleId), versions),
        gating: gating.has(ruleId),
      }
    })
    // Rules that rejected or nurtured come first: they are what moved the outcome.
    .sort((a, b) => Number(b.gating) - Number(a.gating))
  const outcome =
    stored.outcome === replayed.outcome ? null : { before: stored.outcome, after: replayed.outcome }
  const score =
    stored.score === replayed.score ? null : { before: stored.score, after: replayed.score }
  return {
    outcome,
    score,
    reasonsAdded: replayed.reasons.filter((reason) => !beforeKeys.has(reasonKey(reason))),
    reasonsRemoved: stored.reasons.filter((reason) => !afterKeys.has(reasonKey(reason))),
    rules,
    headline: headline(stored, replayed, rules, versions),
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function headline(
  stored: Compared,
  replayed: Compared,
  rules: RuleChange[],
  versions: { before: number; after: number },
): string {
  if (stored.outcome === replayed.outcome) {
    const scoreMove =
      stored.score === replayed.score ? '' : ` (score ${stored.score} → ${replayed.score})`
    return `Same outcome on v${versions.after}: ${replayed.outcome}${scoreMove}.`
  }
  const moved = `${capital(stored.outcome)} on v${versions.before}, ${replayed.outcome} on v${versions.after}`
  const decisive = rules.find((rule) => rule.gating && rule.before !== null && rule.after !== null)
  if (decisive && decisive.after) {
    return `${moved}: "${decisive.name}" now ${resultWords[decisive.after]}.`
  }
  if (stored.score !== replayed.score) return `${moved}: score ${stored.score} → ${replayed.score}.`
  return `${moved}.`
}
