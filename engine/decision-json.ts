import type { PersonaMatch, Reason } from './schema/decision.ts'

/**
 * JSON text for the parts of a decision that are mostly the same from lead to lead. A reason
 * differs between leads only in its sentence (and points); a persona match in its shares and
 * which of its fixed criterion texts it lists. Serializing those fixed parts once per version
 * instead of once per decision halves the cost of writing a decision. Each serializer is for
 * the decisions of one compiled version and writes exactly what `JSON.stringify` writes.
 */

const LIMIT = 4096

/** Past this many frames for one rule the cache starts over: memory stays bounded. */
const FRAMES_PER_RULE = 64

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
 * `JSON.stringify(reasons)` for reasons made by one compiled version, which differ from lead
 * to lead only in their sentence: the JSON around each sentence is made once per rule and
 * result and found again by comparing the few values it was made from, without building a
 * lookup key per reason (a key string per reason was a tenth of a CLI worker's time).
 *
 * @example
 * const reasonsJson = reasonsSerializer()
 * reasonsJson(decision.reasons) === JSON.stringify(decision.reasons) // true
 */
export function reasonsSerializer(): (reasons: readonly Reason[]) => string {
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
    if (known === undefined || known.length >= FRAMES_PER_RULE) {
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

function remember<T>(known: Map<string, T>, key: string, value: T): T {
  if (known.size >= LIMIT) known.clear()
  known.set(key, value)
  return value
}

/**
 * `JSON.stringify(personas)` for persona matches made by one compiled version: names and
 * criterion texts are the version's own, so their JSON is written once.
 *
 * @example
 * const personasJson = personasSerializer()
 * personasJson(decision.personas) === JSON.stringify(decision.personas) // true
 */
export function personasSerializer(): (personas: readonly PersonaMatch[]) => string {
  const heads = new Map<string, string>()
  const texts = new Map<string, string>()
  const list = (items: readonly string[]) => {
    let json = '['
    for (let at = 0; at < items.length; at++) {
      const item = items[at]!
      if (at > 0) json += ','
      json += texts.get(item) ?? remember(texts, item, JSON.stringify(item))
    }
    return `${json}]`
  }
  return (personas) => {
    let json = '['
    for (let at = 0; at < personas.length; at++) {
      const persona = personas[at]!
      if (Object.keys(persona).length !== 6) {
        json += (at > 0 ? ',' : '') + JSON.stringify(persona)
        continue
      }
      const { id, name, match, unknown, matched, missing } = persona
      const key = `${id}\u0000${name}`
      const head =
        heads.get(key) ??
        remember(heads, key, `{"id":${JSON.stringify(id)},"name":${JSON.stringify(name)}`)
      json += `${at > 0 ? ',' : ''}${head},"match":${JSON.stringify(match)},"unknown":${JSON.stringify(unknown)},"matched":${list(matched)},"missing":${list(missing)}}`
    }
    return `${json}]`
  }
}
