import type { RuleResult, TraceEntry } from '../../engine/index.ts'

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

/**
 * The full trace as one JSON text per entry. What a condition is (rule or persona, path, gate,
 * fact, operator, expected value) is fixed by the ruleset version; only `result` and `actual`
 * change from lead to lead. So the fixed part of each condition's entry is serialized the first
 * time that condition is seen and reused: `JSON.stringify` of 50 small objects of varying shape
 * was most of the cost of an evaluation.
 *
 * @example
 * const traceJson = traceEntrySerializer()
 * traceJson(decision.trace) // ['{"ruleId":"competitor","path":"when","gate":"any","result":"unknown"}', …]
 */
export function traceEntrySerializer(): (trace: TraceEntry[]) => string[] {
  const fixed: string[] = []
  return (trace) => {
    const texts = new Array<string>(trace.length)
    for (let at = 0; at < trace.length; at++) {
      const entry = trace[at]!
      const { result, actual } = entry
      let head = fixed[at]
      if (head === undefined) {
        const { result: _result, actual: _actual, ...rest } = entry
        head = JSON.stringify(rest).slice(0, -1)
        fixed[at] = head
      }
      texts[at] =
        actual === undefined
          ? `${head},"result":"${result}"}`
          : `${head},"result":"${result}","actual":${JSON.stringify(actual)}}`
    }
    return texts
  }
}
