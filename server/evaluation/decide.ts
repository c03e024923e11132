import type { Decision, Lead, RuleResult, TraceEntry, TraceMode } from '../../engine/index.ts'
import type { DecisionEntry } from '../store/types.ts'
import type { CompiledVersion } from './evaluator-cache.ts'
import { searchFieldsOf } from '../store/decision-log/segment-files.ts'
import { compactTraceJson } from './compact-trace.ts'
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
 * once and shared by the response and the log line. The response writes only the trace entries
 * it shows. The log keeps the full trace, compactly when the version can no longer change
 * (published or archived: one result digit per condition and each fact's value; see
 * `compact-trace.ts`), as entries otherwise. Writing and sizing the JSON is most of the cost of
 * an evaluation, so nothing is stringified twice and nothing fixed is written per decision.
 * Trace entries themselves come from the engine, which alone knows what a condition saw
 * (including values sent with the wrong type).
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
  const body = `{"decisionId":"${decisionId}","leadId":${JSON.stringify(leadId)},"ruleset":${JSON.stringify(ruleset)},"outcome":"${outcome}","score":${score},"reasons":${version.reasons(reasons)},"rules":[${version.rules(rules, evaluation.ruleCodes)}],"personas":${version.personas(personas)}${extra}`
  const tail = `,"evaluatedAt":"${evaluatedAt}"`
  let shown = ''
  if (options.trace === 'full') shown = traceJson(version, trace, allEntries)
  else if (options.trace === 'failing') shown = traceJson(version, trace, failingEntries(rules))
  const responseJson = `${body},"trace":[${shown}]${tail}}`
  const immutable = version.status === 'published' || version.status === 'archived'
  const logged =
    (immutable ? compactTraceJson(trace) : undefined) ??
    `[${options.trace === 'full' ? shown : traceJson(version, trace, allEntries)}]`
  const source = `{"kind":"${options.source.kind}","id":${JSON.stringify(options.source.id)}}`
  const json = `${body},"trace":${logged}${tail},"lead":${JSON.stringify(lead)},"rulesetHash":"${version.contentHash}","source":${source}}`
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
      ...searchFieldsOf({ lead, reasons }),
      json,
    },
  }
}

const allEntries = () => true

/** The trace entries picked by `keep`, as the inside of a JSON array. */
function traceJson(
  version: CompiledVersion,
  trace: TraceEntry[],
  keep: (entry: TraceEntry) => boolean,
): string {
  let json = ''
  for (let at = 0; at < trace.length; at++) {
    const entry = trace[at]!
    if (!keep(entry)) continue
    const text = version.traceEntries(entry, at)
    json = json === '' ? text : `${json},${text}`
  }
  return json
}

/**
 * The entries the engine's `failing` trace holds, picked from the full trace: conditions that
 * did not pass, and every condition of a rule that rejected or nurtured the lead.
 */
function failingEntries(rules: RuleResult[]): (entry: TraceEntry) => boolean {
  let decisive: Set<string> | undefined
  for (const rule of rules) {
    if (rule.effect === 'rejected' || rule.effect === 'nurture') {
      ;(decisive ??= new Set()).add(rule.ruleId)
    }
  }
  return (entry) =>
    entry.result !== 'pass' ||
    (decisive !== undefined && entry.ruleId !== undefined && decisive.has(entry.ruleId))
}

/** A stored log record: the decision with its full trace, plus what it was decided on. */
export type StoredDecision = Decision & {
  decisionId: string
  lead: Lead
  rulesetHash: string
  source: DecisionSource
}
