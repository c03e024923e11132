import { personasSerializer, reasonsSerializer } from '../../engine/decision-json.ts'
import type { Decision, RuleResult, Ruleset } from '../../engine/index.ts'

const decisionKeys = 'leadId,ruleset,outcome,score,reasons,rules,personas,trace,evaluatedAt'
/** Past this many remembered rule entries the cache starts over: memory stays bounded. */
const LIMIT = 4096

/**
 * `JSON.stringify(decision)`, faster for one ruleset. A rule's entry in `rules` is one of
 * a few frozen objects the compiled ruleset shares between decisions (one per result), and
 * 40% of a decision's bytes: its JSON is made the first time the object is seen and found
 * again by identity, with no checks (frozen, it cannot have changed). Reasons
 * and personas (engine/decision-json.ts) reuse their fixed parts. The
 * output is byte-identical; a decision of a shape it does not expect, or an entry that is
 * not frozen, is written with JSON.stringify.
 *
 * @example
 * const toJson = decisionSerializer(ruleset)
 * toJson(decision) === JSON.stringify(decision) // true
 */
export function decisionSerializer(ruleset: Ruleset): (decision: Decision) => string {
  const ruleJson = new Map<RuleResult, string>()
  const ruleEntry = (rule: RuleResult): string => {
    const known = ruleJson.get(rule)
    if (known !== undefined) return known
    const json = JSON.stringify(rule)
    if (Object.isFrozen(rule)) {
      if (ruleJson.size >= LIMIT) ruleJson.clear()
      ruleJson.set(rule, json)
    }
    return json
  }
  const rulesetJson = JSON.stringify({ id: ruleset.id, version: ruleset.version })
  const reasonsJson = reasonsSerializer()
  const personasJson = personasSerializer()

  return (decision) => {
    if (Object.keys(decision).join(',') !== decisionKeys) return JSON.stringify(decision)
    const rules = decision.rules
    let rulesJson = ''
    for (let at = 0; at < rules.length; at++) {
      rulesJson += (at === 0 ? '' : ',') + ruleEntry(rules[at]!)
    }
    const own =
      decision.ruleset.id === ruleset.id &&
      decision.ruleset.version === ruleset.version &&
      Object.keys(decision.ruleset).length === 2
    const rulesetText = own ? rulesetJson : JSON.stringify(decision.ruleset)
    return `{"leadId":${JSON.stringify(decision.leadId)},"ruleset":${rulesetText},"outcome":${JSON.stringify(decision.outcome)},"score":${JSON.stringify(decision.score)},"reasons":${reasonsJson(decision.reasons)},"rules":[${rulesJson}],"personas":${personasJson(decision.personas)},"trace":${JSON.stringify(decision.trace)},"evaluatedAt":${JSON.stringify(decision.evaluatedAt)}}`
  }
}
