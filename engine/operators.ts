/**
 * The operator table: every comparison a condition can make, with the fact types it applies
 * to, the shape of the value it expects and how it reads in a sentence.
 *
 * The ten json-rules-engine operators keep json-rules-engine's exact semantics (strict
 * equality, `indexOf` membership, numeric comparisons only on numeric facts) so decisions
 * agree with it. The lead operators after them are case-insensitive because CRM text is.
 */

export const jreOperatorNames = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const

export const leadOperatorNames = [
  'exists',
  'between',
  'startsWith',
  'endsWith',
  'containsAny',
  'titleHasAny',
] as const

export const operatorNames = [...jreOperatorNames, ...leadOperatorNames] as const
export type OperatorName = (typeof operatorNames)[number]

/** The type of value a fact holds, as the field catalog declares it. */
export type FactType = 'string' | 'number' | 'boolean' | 'enum' | 'list'

/** What the condition's `value` must be for this operator. */
export type ValueShape = 'scalar' | 'number' | 'array' | 'range' | 'text' | 'none'

export interface OperatorSpec {
  name: OperatorName
  /** Short label for the editor's operator picker. */
  label: string
  factTypes: readonly FactType[]
  value: ValueShape
  /** Whether json-rules-engine has this operator built in (export needs it). */
  jre: boolean
  /** Called only with a present fact value; `expected` is the resolved condition value. */
  test: (actual: unknown, expected: unknown) => boolean
  /** The demand a condition makes, as a phrase: "at least 50", "one of Retail, Software". */
  criterion: (expected: string) => string
}

/** json-rules-engine's numeric check; a number is numeric unless NaN, without the parse. */
const numeric = (value: unknown): boolean =>
  typeof value === 'number'
    ? !Number.isNaN(value)
    : Number.parseFloat(value as string).toString() !== 'NaN'

const lower = (value: unknown): string => String(value).toLowerCase()

/** Words of a text, lower-cased, split on anything that is not a letter or a digit. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
}

/** A phrase prepared once for matching against the words of many titles. */
export interface PhraseMatcher {
  /** The phrase's words, lower-cased. */
  readonly words: readonly string[]
  /** True when the phrase occurs in `words` as whole consecutive words. */
  matches(words: readonly string[]): boolean
}

/**
 * Prepares a phrase ("head of") for whole-word matching. Knuth–Morris–Pratt over words:
 * each word of a title is compared a bounded number of times, so matching is linear in
 * title plus phrase length, whatever either holds (a naive scan is title × phrase).
 * No regular expression is built from user text.
 */
export function phraseMatcher(phrase: string | readonly string[]): PhraseMatcher {
  const words = typeof phrase === 'string' ? wordsOf(phrase) : phrase
  const length = words.length
  if (length === 0) return { words, matches: () => false }
  if (length === 1) {
    const [word] = words as [string]
    return { words, matches: (title) => title.includes(word) }
  }
  // fallback[i]: length of the longest proper prefix of words[0..i] that is also its suffix.
  const fallback = new Int32Array(length)
  for (let at = 1, matched = 0; at < length; at++) {
    while (matched > 0 && words[at] !== words[matched]) matched = fallback[matched - 1]!
    if (words[at] === words[matched]) matched++
    fallback[at] = matched
  }
  return {
    words,
    matches(title) {
      let matched = 0
      for (const word of title) {
        while (matched > 0 && word !== words[matched]) matched = fallback[matched - 1]!
        if (word === words[matched]) matched++
        if (matched === length) return true
      }
      return false
    },
  }
}

/** True when `phrase` occurs in `words` as whole consecutive words (see `phraseMatcher`). */
export function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return phraseMatcher(phrase).matches(words)
}

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [value])

const phrasesOf = (expected: unknown): PhraseMatcher[] =>
  asArray(expected).map((phrase) => phraseMatcher(String(phrase)))

const specs: OperatorSpec[] = [
  {
    name: 'equal',
    label: 'is',
    factTypes: ['string', 'number', 'boolean', 'enum'],
    value: 'scalar',
    jre: true,
    test: (a, b) => a === b,
    criterion: (e) => e,
  },
  {
    name: 'notEqual',
    label: 'is not',
    factTypes: ['string', 'number', 'boolean', 'enum'],
    value: 'scalar',
    jre: true,
    test: (a, b) => a !== b,
    criterion: (e) => `not ${e}`,
  },
  {
    name: 'lessThan',
    label: 'is less than',
    factTypes: ['number'],
    value: 'number',
    jre: true,
    test: (a, b) => numeric(a) && (a as number) < (b as number),
    criterion: (e) => `less than ${e}`,
  },
  {
    name: 'lessThanInclusive',
    label: 'is at most',
    factTypes: ['number'],
    value: 'number',
    jre: true,
    test: (a, b) => numeric(a) && (a as number) <= (b as number),
    criterion: (e) => `at most ${e}`,
  },
  {
    name: 'greaterThan',
    label: 'is more than',
    factTypes: ['number'],
    value: 'number',
    jre: true,
    test: (a, b) => numeric(a) && (a as number) > (b as number),
    criterion: (e) => `more than ${e}`,
  },
  {
    name: 'greaterThanInclusive',
    label: 'is at least',
    factTypes: ['number'],
    value: 'number',
    jre: true,
    test: (a, b) => numeric(a) && (a as number) >= (b as number),
    criterion: (e) => `at least ${e}`,
  },
  {
    name: 'in',
    label: 'is one of',
    factTypes: ['string', 'number', 'enum'],
    value: 'array',
    jre: true,
    test: (a, b) => (b as unknown[]).indexOf(a) > -1,
    criterion: (e) => `one of ${e}`,
  },
  {
    name: 'notIn',
    label: 'is none of',
    factTypes: ['string', 'number', 'enum'],
    value: 'array',
    jre: true,
    test: (a, b) => (b as unknown[]).indexOf(a) === -1,
    criterion: (e) => `none of ${e}`,
  },
  {
    name: 'contains',
    label: 'includes',
    factTypes: ['list'],
    value: 'scalar',
    jre: true,
    test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
    criterion: (e) => `including ${e}`,
  },
  {
    name: 'doesNotContain',
    label: 'does not include',
    factTypes: ['list'],
    value: 'scalar',
    jre: true,
    test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
    criterion: (e) => `not including ${e}`,
  },
  {
    name: 'exists',
    label: 'is known',
    factTypes: ['string', 'number', 'boolean', 'enum', 'list'],
    value: 'none',
    jre: false,
    test: () => true,
    criterion: () => 'a known value',
  },
  {
    name: 'between',
    label: 'is between',
    factTypes: ['number'],
    value: 'range',
    jre: false,
    test: (a, b) => {
      const [low, high] = b as [number, number]
      return typeof a === 'number' && a >= low && a <= high
    },
    criterion: (e) => `between ${e}`,
  },
  {
    name: 'startsWith',
    label: 'starts with',
    factTypes: ['string', 'enum'],
    value: 'text',
    jre: false,
    test: (a, b) => typeof a === 'string' && asArray(b).some((e) => lower(a).startsWith(lower(e))),
    criterion: (e) => `starting with ${e}`,
  },
  {
    name: 'endsWith',
    label: 'ends with',
    factTypes: ['string', 'enum'],
    value: 'text',
    jre: false,
    test: (a, b) => typeof a === 'string' && asArray(b).some((e) => lower(a).endsWith(lower(e))),
    criterion: (e) => `ending with ${e}`,
  },
  {
    name: 'containsAny',
    label: 'includes any of',
    factTypes: ['list'],
    value: 'array',
    jre: false,
    test: (a, b) => {
      if (!Array.isArray(a)) return false
      const wanted = new Set((b as unknown[]).map(lower))
      return a.some((item) => wanted.has(lower(item)))
    },
    criterion: (e) => `including any of ${e}`,
  },
  {
    name: 'titleHasAny',
    label: 'mentions any of',
    factTypes: ['string'],
    value: 'array',
    jre: false,
    test: (a, b) => {
      if (typeof a !== 'string') return false
      const words = wordsOf(a)
      return phrasesOf(b).some((phrase) => phrase.matches(words))
    },
    criterion: (e) => `mentioning ${e}`,
  },
]

export const operators: ReadonlyMap<OperatorName, OperatorSpec> = new Map(
  specs.map((spec) => [spec.name, spec]),
)

export function operatorSpec(name: OperatorName): OperatorSpec {
  const spec = operators.get(name)
  if (!spec) throw new Error(`unknown operator "${name}"`)
  return spec
}

/**
 * Builds the test for one condition once, at compile time, so that evaluation does no
 * per-lead preparation (a title's phrases are split into words here, not per lead).
 */
export function prepareTest(
  name: OperatorName,
  expected: unknown,
  /** How a title is split into words; the compiler shares one remembering splitter per fact. */
  titleWords: (text: string) => readonly string[] = wordsOf,
): (actual: unknown) => boolean {
  if (name === 'titleHasAny') {
    const phrases = phrasesOf(expected)
    return (actual) => {
      if (typeof actual !== 'string') return false
      const words = titleWords(actual)
      for (const phrase of phrases) if (phrase.matches(words)) return true
      return false
    }
  }
  if (name === 'containsAny') {
    const wanted = new Set(asArray(expected).map(lower))
    return (actual) => Array.isArray(actual) && actual.some((item) => wanted.has(lower(item)))
  }
  if (name === 'in' && Array.isArray(expected) && expected.length > 8) {
    const members = new Set(expected)
    return (actual) => members.has(actual)
  }
  if (name === 'notIn' && Array.isArray(expected) && expected.length > 8) {
    const members = new Set(expected)
    return (actual) => !members.has(actual)
  }
  if (name === 'startsWith' || name === 'endsWith') {
    // A list reference makes the value an array: any of its entries will do.
    const texts = asArray(expected).map(lower)
    return name === 'startsWith'
      ? (actual) =>
          typeof actual === 'string' && texts.some((text) => actual.toLowerCase().startsWith(text))
      : (actual) =>
          typeof actual === 'string' && texts.some((text) => actual.toLowerCase().endsWith(text))
  }
  // The most used comparisons without the extra call through the operator table.
  switch (name) {
    case 'equal':
      return (actual) => actual === expected
    case 'notEqual':
      return (actual) => actual !== expected
    case 'greaterThanInclusive':
      return (actual) => numeric(actual) && (actual as number) >= (expected as number)
    case 'lessThanInclusive':
      return (actual) => numeric(actual) && (actual as number) <= (expected as number)
    case 'greaterThan':
      return (actual) => numeric(actual) && (actual as number) > (expected as number)
    case 'lessThan':
      return (actual) => numeric(actual) && (actual as number) < (expected as number)
  }
  const { test } = operatorSpec(name)
  return (actual) => test(actual, expected)
}

/** Edit distance, for "did you mean" hints on misspelt operators and facts. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!
      previous[j] = Math.min(
        above + 1,
        previous[j - 1]! + 1,
        diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      )
      diagonal = above
    }
  }
  return previous[b.length]!
}

/** The closest known name within a small edit distance, or undefined. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined
  // Up to a third of the name may differ (at least one edit): "greaterThen", "polcy", but
  // not "foo" for "not".
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(name, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
