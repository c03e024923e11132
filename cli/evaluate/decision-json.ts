import {
  personaJson,
  reasonJson,
  ruleGroupJson,
  RULES_PER_GROUP,
} from '../../engine/decision-json.ts'
import type { ConversionProblem, Decision, Ruleset } from '../../engine/index.ts'
import type { OutputBytes } from './output-bytes.ts'

const utf8 = (text: string): Buffer => Buffer.from(text)

/**
 * Writes a decision as one NDJSON line of UTF-8, the bytes of
 * `JSON.stringify({ ...decision, problems }) + '\n'` (problems only when there are any), for
 * the decisions one compiled ruleset explains. What repeats from lead to lead is kept as
 * bytes and copied: the `rules` array by its groups' combinations of results (`ruleCodes`,
 * from the evaluation the decision explains), each reason's JSON by rule, result and
 * sentence, each shared persona match, the fixed keys. Only what is the lead's own (its id,
 * an unremembered sentence, the time) is encoded per decision. Joining the line into one
 * string first cost a worker ~2 µs more per lead (20.5 against 18.3 µs at steady state),
 * mostly in copying the joined string before encoding it. The decision must be as `explain`
 * made it, keys in its order.
 *
 * @example
 * const write = decisionWriter(ruleset)
 * const evaluation = compiled.run(lead)
 * write(compiled.explain(evaluation), evaluation.ruleCodes, [], out)
 */
export function decisionWriter(
  ruleset: Ruleset,
): (
  decision: Decision,
  ruleCodes: Uint8Array,
  problems: readonly ConversionProblem[],
  out: OutputBytes,
) => void {
  const group = ruleGroupJson(utf8)
  const reason = reasonJson(utf8)
  const persona = personaJson(utf8)
  const leadIdKey = utf8('{"leadId":')
  const ownRuleset = utf8(
    `,"ruleset":${JSON.stringify({ id: ruleset.id, version: ruleset.version })},"outcome":"`,
  )
  const rulesetKey = utf8(',"ruleset":')
  const outcomeKey = utf8(',"outcome":"')
  const scoreKey = (outcome: Decision['outcome']) => utf8(`${outcome}","score":`)
  const scoreKeys = {
    accepted: scoreKey('accepted'),
    nurture: scoreKey('nurture'),
    rejected: scoreKey('rejected'),
  }
  const reasonsKey = utf8(',"reasons":[')
  const rulesKey = utf8('],"rules":[')
  const personasKey = utf8('],"personas":[')
  const traceKey = utf8('],"trace":')
  const noTrace = utf8('[]')
  const evaluatedAtKey = utf8(',"evaluatedAt":"')
  const comma = utf8(',')
  const quote = utf8('"')
  const end = utf8('}\n')
  // Decisions made close together share their time: its bytes are kept until it changes.
  let lastTime = ''
  let lastTimeBytes = utf8('')

  return (decision, ruleCodes, problems, out) => {
    out.put(leadIdKey)
    out.append(JSON.stringify(decision.leadId))
    if (decision.ruleset.id === ruleset.id && decision.ruleset.version === ruleset.version) {
      out.put(ownRuleset)
    } else {
      out.put(rulesetKey)
      out.append(JSON.stringify(decision.ruleset))
      out.put(outcomeKey)
    }
    out.put(scoreKeys[decision.outcome])
    out.append(JSON.stringify(decision.score))
    out.put(reasonsKey)
    const { reasons, rules, personas } = decision
    for (let at = 0; at < reasons.length; at++) {
      if (at > 0) out.put(comma)
      out.put(reason(reasons[at]!))
    }
    out.put(rulesKey)
    for (let first = 0; first < rules.length; first += RULES_PER_GROUP) {
      if (first > 0) out.put(comma)
      out.put(group(rules, ruleCodes, first))
    }
    out.put(personasKey)
    for (let at = 0; at < personas.length; at++) {
      if (at > 0) out.put(comma)
      out.put(persona(personas[at]!))
    }
    out.put(traceKey)
    if (decision.trace.length === 0) out.put(noTrace)
    else out.append(JSON.stringify(decision.trace))
    out.put(evaluatedAtKey)
    if (decision.evaluatedAt !== lastTime) {
      lastTime = decision.evaluatedAt
      lastTimeBytes = utf8(lastTime)
    }
    out.put(lastTimeBytes)
    out.put(quote)
    if (problems.length > 0) out.append(`,"problems":${JSON.stringify(problems)}`)
    out.put(end)
  }
}
