import type { Decision, Lead, RuleResult, TraceEntry, TraceMode } from '../../engine/index.ts'
import type { DecisionEntry } from '../store/types.ts'
import type { CompiledVersion } from './evaluator-cache.ts'
import { newDecisionId } from './decision-id.ts'

/** Who asked for a decision; kept in the log for audits. */
export interface DecisionSource {
  kind: 'key' | 'user'
  id: string
}

export interface DecidedLead {
  decisionId: string
  /** The decision as the caller asked for it (trace mode applied). */
  responseJson: string
  /** What goes to the decision log: the decision with its full trace, the lead and the source. */
  entry: DecisionEntry
}

/**
 * Decides one lead and prepares both texts at once. The decision (without trace) is serialized
 * once and shared by the response and the log line, and each trace entry is serialized once:
 * the response picks the failing ones, the log keeps them all. Writing and sizing the JSON is
 * most of the cost of an evaluation, so nothing is stringified twice. Trace entries themselves
 * come from the engine, which alone knows what a condition saw (including values sent with the
 * wrong type).
 *
 * @example
 * const { responseJson, entry } = decideLead(version, lead, { trace: 'failing', source })
 */
export function decideLead(
  version: CompiledVersion,
  lead: Lead,
  options: { trace: TraceMode; source: DecisionSource; now?: Date },
): DecidedLead {
  const now = options.now ?? new Date()
  const decisionId = newDecisionId(now.getTime())
  const evaluation = version.compiled.run(lead)
  const explained = version.compiled.explain(evaluation, { trace: 'full', now })
  const { trace, evaluatedAt, leadId, ruleset, outcome, score, reasons, rules, personas, ...more } =
    explained
  // Same keys and order as the engine's decision; fields a newer engine adds still go along.
  const extra = Object.keys(more).length === 0 ? '' : `,${JSON.stringify(more).slice(1, -1)}`
  const body = `{"decisionId":"${decisionId}","leadId":${JSON.stringify(leadId)},"ruleset":${JSON.stringify(ruleset)},"outcome":"${outcome}","score":${score},"reasons":${JSON.stringify(reasons)},"rules":[${version.rules(rules, evaluation.ruleCodes)}],"personas":${JSON.stringify(personas)}${extra}`
  const tail = `,"evaluatedAt":"${evaluatedAt}"`
  const entries = version.traceEntries(trace)
  let shown: string
  if (options.trace === 'full') shown = entries.join(',')
  else if (options.trace === 'none') shown = ''
  else shown = failingTrace(trace, entries, rules).join(',')
  const responseJson = `${body},"trace":[${shown}]${tail}}`
  const source = `{"kind":"${options.source.kind}","id":${JSON.stringify(options.source.id)}}`
  const json = `${body},"trace":[${entries.join(',')}]${tail},"lead":${JSON.stringify(lead)},"rulesetHash":"${version.contentHash}","source":${source}}`
  return {
    decisionId,
    responseJson,
    entry: {
      decisionId,
      leadId,
      rulesetId: ruleset.id,
      version: ruleset.version,
      outcome,
      score,
      evaluatedAt,
      json,
    },
  }
}

/**
 * The entries the engine's `failing` trace holds, picked from the full trace: conditions that
 * did not pass, and every condition of a rule that rejected or nurtured the lead.
 */
function failingTrace(trace: TraceEntry[], entries: string[], rules: RuleResult[]): string[] {
  const decisive = new Set(
    rules
      .filter((rule) => rule.effect === 'rejected' || rule.effect === 'nurture')
      .map((rule) => rule.ruleId),
  )
  return entries.filter((_, at) => {
    const entry = trace[at]!
    return entry.result !== 'pass' || (entry.ruleId !== undefined && decisive.has(entry.ruleId))
  })
}

/** A stored log record: the decision with its full trace, plus what it was decided on. */
export type StoredDecision = Decision & {
  decisionId: string
  lead: Lead
  rulesetHash: string
  source: DecisionSource
}
