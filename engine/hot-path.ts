import type { FactType } from './operators.ts'
import { wordsOf } from './operators.ts'

/**
 * Small pieces of the evaluator's hot path, each equal in result to the plain version it
 * replaces (isMissing + hasFieldType, `wordsOf`, `new Date().toISOString()`, repeated
 * sentence building) but without its per-lead cost. bench/engine.bench.ts measures them.
 */

/**
 * Whether a fact value counts as present for a field of this type: the same answer as
 * `!isMissing(value) && hasFieldType(type, value)`, without `trim()` on every text.
 */
export function presenceTest(type: FactType | undefined): (value: unknown) => boolean {
  switch (type) {
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'list':
      return (value) => Array.isArray(value) && value.length > 0
    case 'string':
    case 'enum':
      return (value) => typeof value === 'string' && !isBlank(value)
    default:
      return (value) => {
        if (value === undefined || value === null) return false
        if (typeof value === 'string') return !isBlank(value)
        if (typeof value === 'number') return !Number.isNaN(value)
        return !Array.isArray(value) || value.length > 0
      }
  }
}

/** `text.trim() === ''`, answered from the first character for ordinary text. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true
  const first = text.charCodeAt(0)
  if (first > 32 && first < 127) return false
  return text.trim() === ''
}

/**
 * `wordsOf` remembering its last answer: several title conditions read the same title of
 * the same lead, and splitting it is the costly part of matching.
 */
export function lastWordsOf(): (text: string) => string[] {
  let lastText: string | undefined
  let lastWords: string[] = []
  return (text) => {
    if (text !== lastText) {
      lastWords = wordsOf(text)
      lastText = text
    }
    return lastWords
  }
}

const MEMO_LIMIT = 512

const SMALL_COUNTS = 1024

/**
 * A builder (of a sentence, a JSON fragment) that remembers what it made for recent texts and
 * yes/no values, and for whole numbers below 1,024 (visits, downloads, locations, months).
 * Leads repeat those, and a sentence depends only on the condition and the value. Other
 * numbers rarely repeat and lists are per lead, so those are made every time. A builder
 * whose texts rarely repeat either (fewer than half of its look-ups found, by the time it
 * holds 512) stops remembering: a look-up that misses costs more than it saves.
 */
export function remembered<T>(make: (value: unknown) => T): (value: unknown) => T {
  const known = new Map<unknown, T>()
  const counts: (T | undefined)[] = []
  let remembering = true
  let lookups = 0
  let found = 0
  return (value) => {
    if (typeof value === 'number') {
      const small = Number.isInteger(value) && value >= 0 && value < SMALL_COUNTS
      // -0 is kept apart from 0: a sentence may show a value as it was sent.
      if (!small || Object.is(value, -0)) return make(value)
      return (counts[value] ??= make(value))
    }
    if (
      !remembering ||
      (typeof value !== 'string' && typeof value !== 'boolean' && value !== undefined)
    ) {
      return make(value)
    }
    lookups++
    let text = known.get(value)
    if (text !== undefined) {
      found++
      return text
    }
    text = make(value)
    if (known.size >= MEMO_LIMIT) {
      known.clear()
      remembering = found * 2 >= lookups
      lookups = 0
      found = 0
    }
    if (remembering) known.set(value, text)
    return text
  }
}

let lastMillisecond = Number.NaN
let lastTimestamp = ''

/** `new Date().toISOString()`, built once per millisecond. */
export function currentTimestamp(): string {
  const now = Date.now()
  if (now !== lastMillisecond) {
    lastMillisecond = now
    lastTimestamp = new Date(now).toISOString()
  }
  return lastTimestamp
}

const SLAB_BYTES = 64 * 1024

/**
 * Zeroed byte arrays cut from shared buffers of up to 64 KiB: `new Uint8Array(n)` costs a few
 * hundred nanoseconds, a view on a fresh region of a buffer a tenth of that. Regions are never
 * handed out twice; a buffer is freed once no array cut from it is referenced.
 */
export function byteArrays(): (length: number) => Uint8Array {
  // The buffers start small and double: the first leads already make several, so code V8
  // optimizes after a few hundred leads has seen one made. With a 64 KiB buffer from the
  // start the first was full only after ~650 leads, and V8 threw away the engine's
  // optimized `run` there and compiled it again, in every worker.
  let size = 256
  let slab = new ArrayBuffer(size)
  let used = 0
  return (length) => {
    if (length > SLAB_BYTES / 4) return new Uint8Array(length)
    if (used + length > size) {
      size = Math.min(Math.max(size * 2, length), SLAB_BYTES)
      slab = new ArrayBuffer(size)
      used = 0
    }
    const bytes = new Uint8Array(slab, used, length)
    used += length
    return bytes
  }
}
