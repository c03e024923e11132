import type { Decision, Effect, Result } from '../../engine/index.ts'
import { canonicalRootId, traceNodeId } from './canonical-ids.ts'

/** What one node shows after a test run. */
export interface TraceMark {
  result: Result
  /** The lead's value, for a condition. */
  actual?: unknown
  /** What a rule did to the lead. */
  effect?: Effect
  points?: number
  /** A persona's match share, 0..1, when the persona was listed. */
  match?: number
}

/**
 * Lays a decision over the graph: every traced condition and gate, every rule and every
 * persona gets a mark keyed by node id, so the canvas can colour pass / fail / unknown.
 * `nodeByCanonical` comes from the mapping that produced the evaluated ruleset; a graph
 * freshly drawn from a stored ruleset can pass `undefined` (its ids are the canonical ones).
 *
 * @example
 * const marks = traceMarks(compiled.evaluate(lead), validation.mapping.nodeByCanonical)
 * marks.get('rule:min-employees')?.effect // 'rejected'
 */
export function traceMarks(
  decision: Pick<Decision, 'trace' | 'rules' | 'personas'>,
  nodeByCanonical?: ReadonlyMap<string, string>,
): Map<string, TraceMark> {
  const nodeOf = (canonical: string) =>
    nodeByCanonical ? nodeByCanonical.get(canonical) : canonical
  const marks = new Map<string, TraceMark>()
  for (const entry of decision.trace) {
    const nodeId = nodeOf(traceNodeId(entry))
    if (!nodeId) continue
    const mark: TraceMark = { result: entry.result }
    if (entry.fact !== undefined) mark.actual = entry.actual
    marks.set(nodeId, mark)
  }
  for (const rule of decision.rules) {
    const nodeId = nodeOf(canonicalRootId('rule', rule.ruleId))
    if (!nodeId) continue
    marks.set(nodeId, { result: rule.result, effect: rule.effect, points: rule.points })
  }
  const listed = new Map(decision.personas.map((persona) => [persona.id, persona.match]))
  for (const entry of decision.trace) {
    if (entry.personaId === undefined || entry.path !== 'match') continue
    const nodeId = nodeOf(canonicalRootId('persona', entry.personaId))
    if (!nodeId) continue
    const match = listed.get(entry.personaId)
    marks.set(nodeId, { result: entry.result, ...(match !== undefined && { match }) })
  }
  return marks
}
