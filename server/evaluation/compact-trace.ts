import type { ConditionNode, TraceEntry } from '../../engine/index.ts'

/**
 * How a logged decision's full trace is stored when its ruleset version can never change
 * (published or archived). What each entry says about its condition (rule or persona, path,
 * gate, fact, operator, expected value) is fixed by the version, so the record keeps only what
 * the lead made of it: one result digit per condition (0 fail, 1 pass, 2 unknown, in node order)
 * and the value of each fact the conditions read, once per fact. A full trace is 8 of a record's
 * 11 KB; this is about 0.3 KB. Reading joins it with the version again (`expandTrace`), which
 * gives back exactly the entries the engine made. Records written before this encoding, or for
 * versions that may still change (drafts), keep the trace as an array of entries.
 *
 * Bump the name when the encoding changes: readers dispatch on it, and old records must read.
 */
export const COMPACT_TRACE_ENCODING = 'results-facts/1'

/** The `trace` field of a record that stores its trace compactly. */
export interface CompactTrace {
  encoding: typeof COMPACT_TRACE_ENCODING
  /** One digit per condition node: 0 fail, 1 pass, 2 unknown. */
  results: string
  /** Fact path → the value the conditions on that fact saw (absent facts are left out). */
  facts: Record<string, unknown>
}

const digitOf: Record<string, string> = { fail: '0', pass: '1', unknown: '2' }
const resultOf = ['fail', 'pass', 'unknown'] as const

/**
 * The compact trace of a full engine trace as JSON text, or undefined when this trace cannot be
 * stored compactly without losing anything: every condition on a fact must have seen the same
 * value (the engine reads each fact once, so they do; a check keeps it exact if that changes).
 *
 * @example
 * compactTraceJson(compiled.evaluate(lead, { trace: 'full' }).trace)
 * // '{"encoding":"results-facts/1","results":"0112…","facts":{"company.employees":12,…}}'
 */
export function compactTraceJson(trace: readonly TraceEntry[]): string | undefined {
  let results = ''
  let facts = ''
  const seen = new Map<string, unknown>()
  for (let at = 0; at < trace.length; at++) {
    const { result, fact, actual } = trace[at]!
    results += digitOf[result]
    if (fact === undefined) {
      if (actual !== undefined) return undefined
      continue
    }
    if (!seen.has(fact)) {
      seen.set(fact, actual)
      if (actual !== undefined) {
        facts += `${facts === '' ? '' : ','}${JSON.stringify(fact)}:${JSON.stringify(actual)}`
      }
      continue
    }
    const first = seen.get(fact)
    if (first !== actual && JSON.stringify(first) !== JSON.stringify(actual)) return undefined
  }
  return `{"encoding":"${COMPACT_TRACE_ENCODING}","results":"${results}","facts":{${facts}}}`
}

/** Whether a stored record's `trace` is a compact one (rather than an array of entries). */
export function isCompactTrace(trace: unknown): trace is CompactTrace {
  return (
    trace !== null &&
    typeof trace === 'object' &&
    (trace as { encoding?: unknown }).encoding === COMPACT_TRACE_ENCODING
  )
}

export class TraceDecodeError extends Error {
  readonly code = 'trace_decode_failed'
}

/**
 * The full trace a compact trace stands for, given the condition nodes of the version that
 * made it: the same entries, keys in the same order, as the engine's full trace written out
 * entry by entry (`traceEntrySerializer`).
 *
 * @example
 * expandTrace({ encoding: 'results-facts/1', results: '0', facts: { 'company.employees': 12 } }, compiled.nodes)
 * // [{ ruleId: 'min-employees', path: 'when', fact: 'company.employees', operator: 'greaterThanInclusive', expected: 50, result: 'fail', actual: 12 }]
 */
export function expandTrace(compact: CompactTrace, nodes: readonly ConditionNode[]): TraceEntry[] {
  const { results, facts } = compact
  if (typeof results !== 'string' || results.length !== nodes.length) {
    throw new TraceDecodeError(
      `the stored trace has ${typeof results === 'string' ? results.length : 'no'} results, the version has ${nodes.length} conditions`,
    )
  }
  if (facts === null || typeof facts !== 'object') {
    throw new TraceDecodeError('the stored trace has no fact values')
  }
  const trace = new Array<TraceEntry>(nodes.length)
  for (let at = 0; at < nodes.length; at++) {
    const node = nodes[at]!
    const result = resultOf[results.charCodeAt(at) - 48]
    if (result === undefined) {
      throw new TraceDecodeError(`the stored trace has "${results[at]}" as result ${at}`)
    }
    // Built key by key in the order the log has always written entries.
    const entry: Record<string, unknown> = node.ruleId
      ? { ruleId: node.ruleId, path: node.path }
      : { personaId: node.personaId, path: node.path }
    if (node.gate) {
      entry.gate = node.gate
      entry.result = result
    } else {
      entry.fact = node.fact
      entry.operator = node.operator
      if (node.value !== undefined) entry.expected = node.value
      entry.result = result
      if (Object.hasOwn(facts, node.fact!)) entry.actual = facts[node.fact!]
    }
    trace[at] = entry as TraceEntry
  }
  return trace
}
