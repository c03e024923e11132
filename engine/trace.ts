import type { ConditionNode } from './compile.ts'
import type { Result, TraceEntry } from './schema/decision.ts'

const resultNames: readonly Result[] = ['fail', 'pass', 'unknown']

const RULE_GROUP = 0
const RULE_LEAF = 1
const RULE_LEAF_WITH_VALUE = 2
const PERSONA_GROUP = 3
const PERSONA_LEAF = 4
const PERSONA_LEAF_WITH_VALUE = 5

/**
 * Builds trace entries by node index from a result code and the lead's value. What does
 * not depend on the lead is laid out in arrays at compile time, and each entry kind is
 * made by one object literal: owner, path, result, then the gate, or fact, operator,
 * expected (when the condition has a value) and actual (when the lead has one). An entry
 * without a lead value (every group, and a leaf whose fact is absent) can only be one of
 * three, so those are made once, frozen, and shared by all decisions: a full trace then
 * costs one small object per condition the lead had a value for.
 */
export function traceEntries(
  nodes: readonly ConditionNode[],
): (index: number, code: number, actual: unknown) => TraceEntry {
  const build = entryBuilder(nodes)
  const shared = nodes.map((_, index) =>
    resultNames.map((_, code) => Object.freeze(build(index, code, undefined))),
  )
  return (index, code, actual) =>
    actual === undefined ? shared[index]![code]! : build(index, code, actual)
}

function entryBuilder(
  nodes: readonly ConditionNode[],
): (index: number, code: number, actual: unknown) => TraceEntry {
  const shapes = new Uint8Array(nodes.length)
  const owners = nodes.map((node) => node.ruleId ?? node.personaId)
  const paths = nodes.map((node) => node.path)
  const gates = nodes.map((node) => node.gate)
  const facts = nodes.map((node) => node.fact)
  const operators = nodes.map((node) => node.operator)
  const expectations = nodes.map((node) => node.value)
  nodes.forEach((node, index) => {
    const base = node.ruleId ? RULE_GROUP : PERSONA_GROUP
    shapes[index] = base + (node.gate ? 0 : node.value === undefined ? 1 : 2)
  })
  return (index, code, actual) => {
    const path = paths[index]!
    const result = resultNames[code]!
    switch (shapes[index]) {
      case RULE_GROUP:
        return { ruleId: owners[index], path, result, gate: gates[index] }
      case RULE_LEAF:
        return actual === undefined
          ? { ruleId: owners[index], path, result, fact: facts[index], operator: operators[index] }
          : {
              ruleId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              actual,
            }
      case RULE_LEAF_WITH_VALUE:
        return actual === undefined
          ? {
              ruleId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              expected: expectations[index],
            }
          : {
              ruleId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              expected: expectations[index],
              actual,
            }
      case PERSONA_GROUP:
        return { personaId: owners[index], path, result, gate: gates[index] }
      case PERSONA_LEAF:
        return actual === undefined
          ? {
              personaId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
            }
          : {
              personaId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              actual,
            }
      case PERSONA_LEAF_WITH_VALUE:
      default:
        return actual === undefined
          ? {
              personaId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              expected: expectations[index],
            }
          : {
              personaId: owners[index],
              path,
              result,
              fact: facts[index],
              operator: operators[index],
              expected: expectations[index],
              actual,
            }
    }
  }
}
