import type { Decision, Lead, TraceMode } from '../../engine/index.ts'
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
 * most of the cost of an evaluation, so nothing is stringified twice.
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
  const decision = version.compiled.evaluate(lead, { trace: 'full', now })
  const { trace, evaluatedAt, ...rest } = decision
  const head = JSON.stringify({ decisionId, ...rest })
  const body = head.slice(0, -1)
  const entries = trace.map((entry) => JSON.stringify(entry))
  const tail = `,"evaluatedAt":${JSON.stringify(evaluatedAt)}`
  let shown: string
  if (options.trace === 'full') shown = entries.join(',')
  else if (options.trace === 'none') shown = ''
  else shown = entries.filter((_, at) => trace[at]!.result !== 'pass').join(',')
  const responseJson = `${body},"trace":[${shown}]${tail}}`
  const json = `${body},"trace":[${entries.join(',')}]${tail},"lead":${JSON.stringify(lead)},"rulesetHash":"${version.contentHash}","source":${JSON.stringify(options.source)}}`
  return {
    decisionId,
    responseJson,
    entry: {
      decisionId,
      leadId: decision.leadId,
      rulesetId: decision.ruleset.id,
      version: decision.ruleset.version,
      outcome: decision.outcome,
      score: decision.score,
      evaluatedAt,
      json,
    },
  }
}

/** A stored log record: the decision with its full trace, plus what it was decided on. */
export type StoredDecision = Decision & {
  decisionId: string
  lead: Lead
  rulesetHash: string
  source: DecisionSource
}
