import type { TraceEntry } from '../../engine/index.ts'

/**
 * One trace entry as JSON text, by its index in the full trace. What a condition is (rule or
 * persona, path, gate, fact, operator, expected value) is fixed by the ruleset version; only
 * `result` and `actual` change from lead to lead. So the fixed part of each condition's entry is
 * serialized the first time that condition is seen and reused: `JSON.stringify` of 50 small
 * objects of varying shape was most of the cost of an evaluation. Only the entries an answer
 * shows are written; the log keeps the trace in its compact form.
 *
 * @example
 * const traceJson = traceEntrySerializer()
 * traceJson(decision.trace[0], 0) // '{"ruleId":"competitor","path":"when","gate":"any","result":"unknown"}'
 */
export function traceEntrySerializer(): (entry: TraceEntry, index: number) => string {
  const fixed: string[] = []
  return (entry, index) => {
    const { result, actual } = entry
    let head = fixed[index]
    if (head === undefined) {
      const { result: _result, actual: _actual, ...rest } = entry
      head = JSON.stringify(rest).slice(0, -1)
      fixed[index] = head
    }
    return actual === undefined
      ? `${head},"result":"${result}"}`
      : `${head},"result":"${result}","actual":${JSON.stringify(actual)}}`
  }
}
