import type { ConditionNode } from './compile.ts'
import type { Result, TraceEntry } from './schema/decision.ts'

const resultNames: readonly Result[] = ['fail', 'pass', 'unknown']

/**
 * Builds one condition's trace entry from its result code and the lead's value. Made once
 * per condition at compile time, so a full trace is one small object per condition with
 * the same shape every time: owner, path, result, then the gate, or fact, operator,
 * expected (when the condition has a value) and actual (when the lead has one).
 */
export function traceBuilder(node: ConditionNode): (code: number, actual: unknown) => TraceEntry {
  const { ruleId, personaId, path, gate, fact, operator, value: expected } = node
  if (ruleId) {
    if (gate) return (code) => ({ ruleId, path, result: resultNames[code]!, gate })
    if (expected === undefined) {
      return (code, actual) =>
        actual === undefined
          ? { ruleId, path, result: resultNames[code]!, fact, operator }
          : { ruleId, path, result: resultNames[code]!, fact, operator, actual }
    }
    return (code, actual) =>
      actual === undefined
        ? { ruleId, path, result: resultNames[code]!, fact, operator, expected }
        : { ruleId, path, result: resultNames[code]!, fact, operator, expected, actual }
  }
  if (gate) return (code) => ({ personaId, path, result: resultNames[code]!, gate })
  if (expected === undefined) {
    return (code, actual) =>
      actual === undefined
        ? { personaId, path, result: resultNames[code]!, fact, operator }
        : { personaId, path, result: resultNames[code]!, fact, operator, actual }
  }
  return (code, actual) =>
    actual === undefined
      ? { personaId, path, result: resultNames[code]!, fact, operator, expected }
      : { personaId, path, result: resultNames[code]!, fact, operator, expected, actual }
}
