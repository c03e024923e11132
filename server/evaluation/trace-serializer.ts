import {
  resultNames,
  type CompiledRuleset,
  type Evaluation,
  type RuleResult,
} from '../../engine/index.ts'

/** Serialized trace entries of one evaluation, in condition order. */
export interface TraceJson {
  /** One JSON object text per condition. */
  entries: string[]
  /** Whether each condition passed (the default answer leaves those out). */
  passed: boolean[]
}

/**
 * Writes trace entries as JSON text without building them as objects first. Everything about
 * a condition except its result and the lead's value is fixed by the ruleset version, so those
 * parts are serialized once, here, and each evaluation only joins them with two small values.
 * The output is exactly what `JSON.stringify` makes of the engine's own trace entries (a test
 * holds it to that).
 *
 * @example
 * const trace = traceSerializer(compiled)
 * const { entries } = trace(compiled.run(lead)) // ['{"ruleId":"competitor","path":"when","result":"fail","gate":"any"}', …]
 */
export function traceSerializer(compiled: CompiledRuleset): (evaluation: Evaluation) => TraceJson {
  const heads: string[] = []
  const tails: (string | null)[] = []
  const slots: number[] = []
  for (const node of compiled.nodes) {
    const owner = node.ruleId
      ? `"ruleId":${JSON.stringify(node.ruleId)}`
      : `"personaId":${JSON.stringify(node.personaId)}`
    heads.push(`{${owner},"path":${JSON.stringify(node.path)},"result":`)
    if (node.gate) {
      tails.push(`,"gate":${JSON.stringify(node.gate)}}`)
      slots.push(-1)
      continue
    }
    const expected = node.value === undefined ? '' : `,"expected":${JSON.stringify(node.value)}`
    tails.push(
      `,"fact":${JSON.stringify(node.fact)},"operator":${JSON.stringify(node.operator)}${expected}`,
    )
    slots.push(node.slot)
  }
  const results = resultNames.map((name) => JSON.stringify(name))
  return ({ results: codes, facts }) => {
    const entries = new Array<string>(heads.length)
    const passed = new Array<boolean>(heads.length)
    for (let index = 0; index < heads.length; index++) {
      const code = codes[index]!
      passed[index] = code === 1
      const slot = slots[index]!
      if (slot < 0) {
        entries[index] = heads[index]! + results[code]! + tails[index]!
        continue
      }
      const actual = facts[slot]
      // Absent facts are a symbol in the fact table; the engine's entry then has no "actual".
      const actualJson =
        actual === undefined || typeof actual === 'symbol'
          ? ''
          : `,"actual":${JSON.stringify(actual)}`
      entries[index] = `${heads[index]!}${results[code]!}${tails[index]!}${actualJson}}`
    }
    return { entries, passed }
  }
}

/**
 * The `rules` array of a decision as JSON text. A rule's entry depends only on the rule and its
 * result (pass, fail or unknown), so each of the three texts per rule is made once, from the
 * engine's own entry the first time it occurs, and reused.
 *
 * @example
 * const rulesJson = ruleResultsSerializer()
 * rulesJson(decision.rules, evaluation.ruleCodes) // '{"ruleId":"competitor",…},…'
 */
export function ruleResultsSerializer(): (rules: RuleResult[], codes: Uint8Array) => string {
  const texts = new Map<number, string>()
  return (rules, codes) => {
    let json = ''
    for (let at = 0; at < rules.length; at++) {
      const key = at * 3 + codes[at]!
      let text = texts.get(key)
      if (text === undefined) {
        text = JSON.stringify(rules[at])
        texts.set(key, text)
      }
      json += at === 0 ? text : `,${text}`
    }
    return json
  }
}
