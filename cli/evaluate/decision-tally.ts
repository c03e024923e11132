import type { ConversionProblem, Decision } from '../../engine/index.ts'

/**
 * Counts over a run's decisions, as plain data so a worker thread can send its share to
 * the main thread and the shares can be added up.
 */
export interface DecisionTally {
  leads: number
  outcomes: { accepted: number; nurture: number; rejected: number }
  /** Deciding reasons (rejected or nurtured): key → [label, count]. */
  reasons: Record<string, [string, number]>
  personas: Record<string, number>
  /** Only rows that had problems; rare, so kept whole for the per-column report. */
  problems: (readonly ConversionProblem[])[]
  raggedRows: number
}

export function emptyTally(): DecisionTally {
  return {
    leads: 0,
    outcomes: { accepted: 0, nurture: 0, rejected: 0 },
    reasons: {},
    personas: {},
    problems: [],
    raggedRows: 0,
  }
}

export function countDecision(
  tally: DecisionTally,
  decision: Decision,
  problems: readonly ConversionProblem[],
  ragged: boolean,
): void {
  tally.leads++
  tally.outcomes[decision.outcome]++
  if (problems.length > 0) tally.problems.push(problems)
  if (ragged) tally.raggedRows++
  for (const reason of decision.reasons) {
    if (reason.effect !== 'rejected' && reason.effect !== 'nurture') continue
    const key = reasonKey(reason)
    const entry = tally.reasons[key]
    if (entry) entry[1]++
    else tally.reasons[key] = [reasonLabel(reason), 1]
  }
  for (const persona of decision.personas) {
    tally.personas[persona.name] = (tally.personas[persona.name] ?? 0) + 1
  }
}

/** Adds `part` into `into`. */
export function addTally(into: DecisionTally, part: DecisionTally): void {
  into.leads += part.leads
  into.outcomes.accepted += part.outcomes.accepted
  into.outcomes.nurture += part.outcomes.nurture
  into.outcomes.rejected += part.outcomes.rejected
  into.raggedRows += part.raggedRows
  for (const problems of part.problems) into.problems.push(problems)
  for (const [key, [label, count]] of Object.entries(part.reasons)) {
    const entry = into.reasons[key]
    if (entry) entry[1] += count
    else into.reasons[key] = [label, count]
  }
  for (const [name, count] of Object.entries(part.personas)) {
    into.personas[name] = (into.personas[name] ?? 0) + count
  }
}

/** Keys by rule id, at (result × 2 + nurture): made once, so their hash is made once. */
const reasonKeys = new Map<string | null, (string | undefined)[]>()

/** "served-region:fail:rejected" ("policy:…" for the score threshold). */
function reasonKey(reason: Decision['reasons'][number]): string {
  let keys = reasonKeys.get(reason.ruleId)
  if (keys === undefined) {
    if (reasonKeys.size >= 4096) reasonKeys.clear()
    keys = []
    reasonKeys.set(reason.ruleId, keys)
  }
  const result = reason.result === 'fail' ? 0 : reason.result === 'pass' ? 1 : 2
  return (keys[result * 2 + (reason.effect === 'nurture' ? 1 : 0)] ??=
    `${reason.ruleId ?? 'policy'}:${reason.result}:${reason.effect}`)
}

function reasonLabel(reason: Decision['reasons'][number]): string {
  const what =
    reason.ruleId === null
      ? 'score below the threshold'
      : `${reason.ruleId}: ${reason.ruleName ?? ''}`
  return `${what} (${reason.result} → ${reason.effect})`
}
