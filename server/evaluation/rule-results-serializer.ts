import type { RuleResult } from '../../engine/index.ts'

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
