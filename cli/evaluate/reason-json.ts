import type { Reason } from '../../engine/index.ts'

/** Past this many frames for one rule the cache starts over: memory stays bounded. */
const LIMIT = 64

/** A reason's JSON around its sentence, with the values it was made from. */
interface Frame {
  result: Reason['result']
  effect: Reason['effect']
  points: number | undefined
  ruleName: string | undefined
  owner: Reason['owner']
  kind: Reason['kind']
  before: string
  after: string
}

/**
 * `JSON.stringify(reasons)` for the reasons of one ruleset's decisions, which differ from
 * lead to lead only in their sentence: the JSON around each sentence is made once per rule
 * and result and found again by comparing the few values it was made from, without building
 * a lookup key per reason (the engine's `reasonsSerializer` builds one; in the CLI, where
 * each lead has ~6 reasons, that key was a tenth of a worker's time).
 *
 * @example
 * const reasonsJson = reasonsWriter()
 * reasonsJson(decision.reasons) === JSON.stringify(decision.reasons) // true
 */
export function reasonsWriter(): (reasons: readonly Reason[]) => string {
  const frames = new Map<string | null, Frame[]>()
  const frameFor = (reason: Reason): Frame => {
    let known = frames.get(reason.ruleId)
    if (known !== undefined) {
      for (let at = 0; at < known.length; at++) {
        const frame = known[at]!
        if (
          frame.result === reason.result &&
          frame.effect === reason.effect &&
          frame.points === reason.points &&
          frame.ruleName === reason.ruleName &&
          frame.owner === reason.owner &&
          frame.kind === reason.kind
        )
          return frame
      }
    }
    if (known === undefined || known.length >= LIMIT) {
      known = []
      frames.set(reason.ruleId, known)
    }
    const frame = frameOf(reason)
    known.push(frame)
    return frame
  }
  return (reasons) => {
    let json = '['
    for (let at = 0; at < reasons.length; at++) {
      const reason = reasons[at]!
      const frame = frameFor(reason)
      if (at > 0) json += ','
      json += frame.before + jsonString(reason.text) + frame.after
    }
    return `${json}]`
  }
}

/** What JSON.stringify writes otherwise than as it is: quotes, backslashes, controls, surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const escaped = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * `JSON.stringify(text)`: most sentences need no escaping and are just put in quotes, which
 * took a third less time than JSON.stringify over a run's sentences (1.8 vs 2.8 µs a lead).
 */
function jsonString(text: string): string {
  return escaped.test(text) ? JSON.stringify(text) : `"${text}"`
}

/** The JSON of a reason split around its sentence; `text` must be one of its own keys. */
function frameOf(reason: Reason): Frame {
  const marker = '\u0000text\u0000'
  const [before, after] = JSON.stringify({ ...reason, text: marker }).split(
    JSON.stringify(marker),
  ) as [string, string]
  const { result, effect, points, ruleName, owner, kind } = reason
  return { result, effect, points, ruleName, owner, kind, before, after }
}
