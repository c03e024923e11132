import { remembered } from './hot-path.ts'
import type { PersonaMatch, Reason, RuleResult } from './schema/decision.ts'

/**
 * The JSON of the parts of a decision that are mostly the same from lead to lead, kept as
 * text or in the form an `Encode` gives it (the CLI keeps UTF-8 bytes). A reason differs
 * between leads only in its sentence (and points); a persona match in its shares and which
 * of its fixed criterion texts it lists. Serializing those fixed parts once per version
 * instead of once per decision halves the cost of writing a decision. Each serializer is for
 * the decisions of one compiled version and writes exactly what `JSON.stringify` writes.
 */

const LIMIT = 4096

/**
 * How a serializer keeps the JSON it makes and hands out: as text (`asText`), or, for the
 * CLI, which writes bytes, as UTF-8 bytes made once per kept piece.
 */
export type Encode<T> = (json: string) => T

const asText: Encode<string> = (json) => json

/** Rules per group whose texts are joined once per combination of results (3^5 = 243). */
export const RULES_PER_GROUP = 5

/**
 * The JSON of the five rules starting at `first` of a decision's `rules` array, from their
 * result codes (`Evaluation.ruleCodes`). A rule's entry depends only on the rule and its
 * result. Whole combinations of results repeat too rarely to keep (100,000 generated leads
 * made 48,960 of them), but those of five rules at a time repeat all the time: each group's
 * JSON is joined once per combination and found by a number computed from its codes.
 */
export function ruleGroupJson<T>(
  encode: Encode<T>,
): (rules: readonly RuleResult[], codes: Uint8Array, first: number) => T {
  const entries: (string | undefined)[] = []
  const groups: (T | undefined)[][] = []
  const entry = (rules: readonly RuleResult[], codes: Uint8Array, at: number) =>
    (entries[at * 3 + codes[at]!] ??= JSON.stringify(rules[at]))
  return (rules, codes, first) => {
    const end = Math.min(first + RULES_PER_GROUP, rules.length)
    let key = 0
    for (let at = end - 1; at >= first; at--) key = key * 3 + codes[at]!
    const known = (groups[first / RULES_PER_GROUP] ??= [])
    let json = known[key]
    if (json === undefined) {
      let text = entry(rules, codes, first)
      for (let at = first + 1; at < end; at++) text += `,${entry(rules, codes, at)}`
      json = known[key] = encode(text)
    }
    return json
  }
}

/**
 * The `rules` array of a decision as JSON text (without its brackets), joined from groups of
 * rules (`ruleGroupJson`).
 *
 * @example
 * const rulesJson = ruleResultsSerializer()
 * rulesJson(decision.rules, evaluation.ruleCodes) // '{"ruleId":"competitor",…},…'
 */
export function ruleResultsSerializer(): (
  rules: readonly RuleResult[],
  codes: Uint8Array,
) => string {
  const group = ruleGroupJson(asText)
  return (rules, codes) => {
    let json = rules.length > 0 ? group(rules, codes, 0) : ''
    for (let first = RULES_PER_GROUP; first < rules.length; first += RULES_PER_GROUP) {
      json += `,${group(rules, codes, first)}`
    }
    return json
  }
}

/** Past this many frames for one rule the cache starts over: memory stays bounded. */
const FRAMES_PER_RULE = 64

/** A reason's JSON around its sentence, with the values it was made from. */
interface Frame<T> {
  result: Reason['result']
  effect: Reason['effect']
  points: number | undefined
  ruleName: string | undefined
  owner: Reason['owner']
  kind: Reason['kind']
  /** The reason's JSON for its text; remembered, as the engine remembers its texts. */
  json: (text: unknown) => T
}

/**
 * `JSON.stringify(reason)` for the reasons made by one compiled version, which differ from
 * lead to lead only in their sentence: the JSON around each sentence is made once per rule
 * and result and found again by comparing the few values it was made from, without building
 * a lookup key per reason (a key string per reason was a tenth of a CLI worker's time); the
 * whole JSON is remembered per sentence.
 */
export function reasonJson<T>(encode: Encode<T>): (reason: Reason) => T {
  const frames = new Map<string | null, Frame<T>[]>()
  const frameFor = (reason: Reason): Frame<T> => {
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
    const frame = frameOf(reason, encode)
    known.push(frame)
    return frame
  }
  return (reason) => frameFor(reason).json(reason.text)
}

/**
 * `JSON.stringify(reasons)` for reasons made by one compiled version (see `reasonJson`).
 *
 * @example
 * const reasonsJson = reasonsSerializer()
 * reasonsJson(decision.reasons) === JSON.stringify(decision.reasons) // true
 */
export function reasonsSerializer(): (reasons: readonly Reason[]) => string {
  return arrayJson(reasonJson(asText))
}

/** A JSON array of items, each written by `one`. */
function arrayJson<T>(one: (item: T) => string): (items: readonly T[]) => string {
  return (items) => {
    let json = '['
    for (let at = 0; at < items.length; at++) {
      if (at > 0) json += ','
      json += one(items[at]!)
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
function frameOf<T>(reason: Reason, encode: Encode<T>): Frame<T> {
  const marker = '\u0000text\u0000'
  const [before, after] = JSON.stringify({ ...reason, text: marker }).split(
    JSON.stringify(marker),
  ) as [string, string]
  const { result, effect, points, ruleName, owner, kind } = reason
  const json = remembered((text) => encode(before + jsonString(text as string) + after))
  return { result, effect, points, ruleName, owner, kind, json }
}

function remember<T>(known: Map<string, T>, key: string, value: T): T {
  if (known.size >= LIMIT) known.clear()
  known.set(key, value)
  return value
}

/**
 * `JSON.stringify(persona)` for persona matches made by one compiled version: names and
 * criterion texts are the version's own, so their JSON is written once. The engine shares
 * one frozen match (lists frozen too) between the decisions with the same criteria results;
 * its whole JSON is made once and found again by identity (frozen, it cannot have changed).
 */
export function personaJson<T>(encode: Encode<T>): (persona: PersonaMatch) => T {
  const heads = new Map<string, string>()
  const texts = new Map<string, string>()
  const shared = new Map<PersonaMatch, T>()
  const list = (items: readonly string[]) => {
    let json = '['
    for (let at = 0; at < items.length; at++) {
      const item = items[at]!
      if (at > 0) json += ','
      json += texts.get(item) ?? remember(texts, item, JSON.stringify(item))
    }
    return `${json}]`
  }
  const matchJson = (persona: PersonaMatch) => {
    if (Object.keys(persona).length !== 6) return JSON.stringify(persona)
    const { id, name, match, unknown, matched, missing } = persona
    const key = `${id}\u0000${name}`
    const head =
      heads.get(key) ??
      remember(heads, key, `{"id":${JSON.stringify(id)},"name":${JSON.stringify(name)}`)
    return `${head},"match":${JSON.stringify(match)},"unknown":${JSON.stringify(unknown)},"matched":${list(matched)},"missing":${list(missing)}}`
  }
  return (persona) => {
    let json = shared.get(persona)
    if (json === undefined) {
      json = encode(matchJson(persona))
      const frozen =
        Object.isFrozen(persona) &&
        Object.isFrozen(persona.matched) &&
        Object.isFrozen(persona.missing)
      if (frozen) {
        if (shared.size >= LIMIT) shared.clear()
        shared.set(persona, json)
      }
    }
    return json
  }
}

/**
 * `JSON.stringify(personas)` for persona matches made by one compiled version (see
 * `personaJson`).
 *
 * @example
 * const personasJson = personasSerializer()
 * personasJson(decision.personas) === JSON.stringify(decision.personas) // true
 */
export function personasSerializer(): (personas: readonly PersonaMatch[]) => string {
  return arrayJson(personaJson(asText))
}
