import type { ConditionNode } from '../../engine/index.ts'
import { DecisionLogWrapper } from '../store/decision-log-wrapper.ts'
import type { DecisionLog } from '../store/types.ts'
import {
  COMPACT_TRACE_ENCODING,
  expandTrace,
  isCompactTrace,
  TraceDecodeError,
} from './compact-trace.ts'

/** What expanding a record needs from the version that decided it. */
export interface TraceSource {
  nodes: readonly ConditionNode[]
  contentHash: string
}

interface CompactRecord {
  ruleset?: { id?: unknown; version?: unknown }
  rulesetHash?: unknown
  trace?: unknown
}

/**
 * A stored record's JSON with its full trace: records that keep a compact trace get their
 * entries back from the version that decided them; others are answered as they are. Throws
 * `TraceDecodeError` when the version's content is not the one the record was decided on
 * (published and archived versions never change, and only those are logged compactly).
 *
 * @example
 * await expandRecordJson(line, (id, v) => evaluators.get(id, v).then((c) => ({ nodes: c.compiled.nodes, contentHash: c.contentHash })))
 */
export async function expandRecordJson(
  json: string,
  versionOf: (rulesetId: string, version: number) => Promise<TraceSource> | TraceSource,
): Promise<string> {
  // Inside string values every quote is escaped, so a record without the compact trace's
  // marker can be answered without a parse.
  if (!json.includes(`"encoding":"${COMPACT_TRACE_ENCODING}"`)) return json
  const record = JSON.parse(json) as CompactRecord
  if (!isCompactTrace(record.trace)) return json
  const { id, version } = record.ruleset ?? {}
  if (typeof id !== 'string' || typeof version !== 'number') {
    throw new TraceDecodeError('the stored record names no ruleset version')
  }
  const source = await versionOf(id, version)
  if (source.contentHash !== record.rulesetHash) {
    throw new TraceDecodeError(
      `ruleset "${id}" version ${version} no longer has the content this decision was made with`,
    )
  }
  // Assigning an existing key keeps its place: the record reads as if written with the array.
  record.trace = expandTrace(record.trace, source.nodes)
  return JSON.stringify(record)
}

/**
 * The decision log as readers see it: every record comes back with its full trace, however it
 * was stored. Appends, searches, `records()` and `places()` (raw bytes, or where they are, for
 * simulations that only read the lead) pass through unchanged.
 *
 * @example
 * const decisions = new FullTraceDecisionLog(log, (id, v) => evaluators.traceSource(id, v))
 * await decisions.getJson(decisionId) // '{…,"trace":[{"ruleId":"competitor",…},…],…}'
 */
export class FullTraceDecisionLog extends DecisionLogWrapper {
  constructor(
    inner: DecisionLog,
    private readonly versionOf: (rulesetId: string, version: number) => Promise<TraceSource>,
  ) {
    super(inner)
  }

  override async getJson(decisionId: string): Promise<string | undefined> {
    const json = await this.inner.getJson(decisionId)
    return json === undefined ? undefined : expandRecordJson(json, this.versionOf)
  }
}
