import type { ConditionNode } from './compile.ts'
import type { PersonaMatch } from './schema/decision.ts'
import type { Ruleset } from './schema/ruleset.ts'

const PASS = 1
const UNKNOWN = 2

/**
 * Partial credit against each persona: a persona's criteria are the members of its top-level
 * group (or its single condition). The match is the share of criteria that pass; the share
 * that could not be checked is reported apart, so "unknown" never reads as "no".
 * Personas at or above `minMatch` are listed, best first. The matches are frozen: decisions
 * share them.
 */
export function scorePersonas(
  ruleset: Pick<Ruleset, 'personas'>,
  roots: readonly number[],
  nodes: readonly ConditionNode[],
  results: Uint8Array,
  minMatch: number,
): PersonaMatch[] {
  return personaScorer(ruleset, roots, nodes)(results, minMatch)
}

/**
 * `scorePersonas` for one compiled ruleset: the criteria and their wording are worked out
 * once, so scoring a lead only reads results.
 */
export function personaScorer(
  ruleset: Pick<Ruleset, 'personas'>,
  roots: readonly number[],
  nodes: readonly ConditionNode[],
): (results: Uint8Array, minMatch: number) => PersonaMatch[] {
  const personas = ruleset.personas.map((persona, at) => {
    const root = nodes[roots[at]!]!
    const criteria = root.gate === 'all' || root.gate === 'any' ? root.children : [root.index]
    const texts = criteria.map((index) => describeNode(nodes, index))
    return {
      id: persona.id,
      name: persona.name,
      criteria,
      texts,
      unknownTexts: texts.map((text) => `${text} (unknown)`),
    }
  })
  // A persona's match depends only on the results of its criteria: each combination's match
  // is made once, frozen and shared by the decisions that have it (its JSON too, see
  // engine/decision-json.ts). The key reads the results as a number in base 3.
  const known = personas.map(() => new Map<number, PersonaMatch>())
  const matchOf = (at: number, results: Uint8Array): PersonaMatch => {
    const { id, name, criteria, texts, unknownTexts } = personas[at]!
    let key = 0
    for (let index = criteria.length - 1; index >= 0; index--) {
      key = key * 3 + results[criteria[index]!]!
    }
    const remembered = criteria.length <= MAX_KEYED_CRITERIA ? known[at]!.get(key) : undefined
    if (remembered !== undefined) return remembered
    const matched: string[] = []
    const missing: string[] = []
    let unknown = 0
    criteria.forEach((index, position) => {
      if (results[index] === PASS) matched.push(texts[position]!)
      else if (results[index] === UNKNOWN) {
        unknown++
        missing.push(unknownTexts[position]!)
      } else missing.push(texts[position]!)
    })
    const match: PersonaMatch = Object.freeze({
      id,
      name,
      match: round(matched.length / criteria.length),
      unknown: round(unknown / criteria.length),
      matched: Object.freeze(matched) as string[],
      missing: Object.freeze(missing) as string[],
    })
    if (criteria.length <= MAX_KEYED_CRITERIA) {
      if (known[at]!.size >= MATCHES_PER_PERSONA) known[at]!.clear()
      known[at]!.set(key, match)
    }
    return match
  }
  return (results, minMatch) => {
    const matches: PersonaMatch[] = []
    for (let at = 0; at < personas.length; at++) {
      const match = matchOf(at, results)
      if (match.match < minMatch) continue
      // Best first, the earlier persona on a tie: an insertion sort, as there are few.
      let place = matches.push(match) - 1
      while (place > 0 && matches[place - 1]!.match < match.match) {
        matches[place] = matches[place - 1]!
        place--
      }
      matches[place] = match
    }
    return matches
  }
}

/** Up to this many criteria a combination of results has an exact number key (3^33 < 2^53). */
const MAX_KEYED_CRITERIA = 33

/** Past this many remembered combinations for one persona the memory starts over. */
const MATCHES_PER_PERSONA = 1024

const round = (share: number) => Math.round(share * 1000) / 1000

/**
 * The name of the persona `personaScorer` would list first (best match at or above
 * `minMatch`, the earlier persona on a tie), without building the match lists: for counting
 * leads by persona over many leads.
 *
 * @example
 * const best = bestPersonaFinder(ruleset, roots, nodes)
 * best(evaluation.results, 0.5) // 'Director of Change Management'
 */
export function bestPersonaFinder(
  ruleset: Pick<Ruleset, 'personas'>,
  roots: readonly number[],
  nodes: readonly ConditionNode[],
): (results: Uint8Array, minMatch: number) => string | undefined {
  const personas = ruleset.personas.map((persona, at) => {
    const root = nodes[roots[at]!]!
    const criteria = root.gate === 'all' || root.gate === 'any' ? root.children : [root.index]
    return { name: persona.name, criteria }
  })
  return (results, minMatch) => {
    let best: string | undefined
    let bestMatch = -1
    for (const { name, criteria } of personas) {
      let passed = 0
      for (const index of criteria) if (results[index] === PASS) passed++
      const match = round(passed / criteria.length)
      if (match >= minMatch && match > bestMatch) {
        best = name
        bestMatch = match
      }
    }
    return best
  }
}

/**
 * A criterion in words: "Company has at least 50 employees", "Job title mentions "vp" or
 * (Seniority is Director and Region is EMEA)". A group inside a group is bracketed, so
 * "and" and "or" never mix ambiguously.
 */
export function describeNode(
  nodes: readonly ConditionNode[],
  index: number,
  nested = false,
): string {
  const node = nodes[index]!
  if (!node.gate) return node.wording!.statement
  if (node.gate === 'not') return `not (${describeNode(nodes, node.children[0]!)})`
  const parts = node.children.map((child) => describeNode(nodes, child, true))
  const text = parts.join(node.gate === 'all' ? ' and ' : ' or ')
  return nested && parts.length > 1 ? `(${text})` : text
}
