import type { Engine } from 'json-rules-engine'

/**
 * leadgate's lead operators as json-rules-engine custom operators, so the rules `exportJre`
 * writes run in JRE. Written apart from engine/operators.ts on purpose (word matching by
 * padded text search instead of word arrays, and so on): the differential test then checks
 * two implementations of each operator against each other, not one against itself.
 */

const lower = (value: unknown): string => String(value).toLowerCase()

/** What leadgate reads as unknown; JRE sees these values as present. */
function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'number') return Number.isNaN(value)
  return Array.isArray(value) && value.length === 0
}

/** " vp of sales " for "VP-of Sales": words separated by single spaces, padded. */
const paddedWords = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

export const leadOperatorTests: Record<string, (fact: unknown, value: unknown) => boolean> = {
  exists: (fact) => !isAbsent(fact),
  between: (fact, value) => {
    const [low, high] = value as [number, number]
    return typeof fact === 'number' && low <= fact && fact <= high
  },
  // Several values (a list reference) mean any of them will do.
  startsWith: (fact, value) =>
    typeof fact === 'string' &&
    asList(value).some((start) => lower(fact).indexOf(lower(start)) === 0),
  endsWith: (fact, value) => {
    if (typeof fact !== 'string') return false
    const text = lower(fact)
    return asList(value).some((ending) => {
      const end = lower(ending)
      return text.length >= end.length && text.lastIndexOf(end) === text.length - end.length
    })
  },
  containsAny: (fact, value) =>
    Array.isArray(fact) &&
    asList(value).some((wanted) => fact.some((item) => lower(item) === lower(wanted))),
  titleHasAny: (fact, value) => {
    if (typeof fact !== 'string') return false
    const title = paddedWords(fact)
    return asList(value).some((phrase) => {
      const words = paddedWords(String(phrase))
      return words.trim() !== '' && title.includes(words)
    })
  },
}

/**
 * Registers every lead operator on a JRE engine and answers the engine.
 *
 * @example
 * const engine = registerLeadOperators(new Engine(exportJre(ruleset).rules))
 */
export function registerLeadOperators(engine: Engine): Engine {
  for (const [name, test] of Object.entries(leadOperatorTests)) engine.addOperator(name, test)
  return engine
}
