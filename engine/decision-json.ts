import type { PersonaMatch, Reason } from './schema/decision.ts'

/**
 * JSON text for the parts of a decision that are mostly the same from lead to lead. A reason
 * differs between leads only in its sentence (and points); a persona match in its shares and
 * which of its fixed criterion texts it lists. Serializing those fixed parts once per version
 * instead of once per decision halves the cost of writing a decision. Each serializer is for
 * the decisions of one compiled version and writes exactly what `JSON.stringify` writes.
 */

const LIMIT = 4096

/**
 * `JSON.stringify(reasons)` for reasons made by one compiled version.
 *
 * @example
 * const reasonsJson = reasonsSerializer()
 * reasonsJson(decision.reasons) === JSON.stringify(decision.reasons) // true
 */
export function reasonsSerializer(): (reasons: readonly Reason[]) => string {
  // What comes before and after the sentence, by rule, result, effect and points.
  const frames = new Map<string, { before: string; after: string }>()
  return (reasons) => {
    let json = '['
    for (let at = 0; at < reasons.length; at++) {
      const reason = reasons[at]!
      const key = `${reason.ruleId}\u0000${reason.result}\u0000${reason.effect}\u0000${reason.points}`
      let frame = frames.get(key)
      if (frame === undefined) frame = remember(frames, key, frameOf(reason))
      if (at > 0) json += ','
      json += frame.before + JSON.stringify(reason.text) + frame.after
    }
    return `${json}]`
  }
}

/** The JSON of a reason split around its sentence; `text` must be one of its own keys. */
function frameOf(reason: Reason): { before: string; after: string } {
  const marker = '\u0000text\u0000'
  const [before, after] = JSON.stringify({ ...reason, text: marker }).split(
    JSON.stringify(marker),
  ) as [string, string]
  return { before, after }
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
