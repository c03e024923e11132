import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasFieldType, isMissing, wordsOf } from '../../engine/index.ts'
import {
  byteArrays,
  currentTimestamp,
  lastWordsOf,
  presenceTest,
  remembered,
} from '../../engine/hot-path.ts'

const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', '  ', '\u00a0', '\ufeff', ' x', NaN, Infinity, -0, [], true),
  fc.string(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object(),
)

describe('presenceTest', () => {
  for (const type of ['number', 'boolean', 'list', 'string', 'enum', undefined] as const) {
    it(`answers like !isMissing && hasFieldType for ${type ?? 'a field outside the catalog'}`, () => {
      const present = presenceTest(type)
      fc.assert(
        fc.property(anyValue, (value) => {
          const expected = !isMissing(value) && (type === undefined || hasFieldType(type, value))
          return present(value) === expected
        }),
        { numRuns: 3_000 },
      )
    })
  }
})

describe('byteArrays', () => {
  it('hands out zeroed arrays of the asked length that never share bytes', () => {
    const bytes = byteArrays()
    const arrays = Array.from({ length: 3_000 }, (_, at) => bytes(1 + (at % 90)))
    const fresh = arrays.every(
      (array, at) => array.length === 1 + (at % 90) && !array.some(Boolean),
    )
    arrays.forEach((array, at) => array.fill(at % 250))
    const kept = arrays.every((array, at) => array.every((byte) => byte === at % 250))
    expect({ fresh, kept }).toEqual({ fresh: true, kept: true })
  })

  it('hands out arrays longer than the buffer it is filling, and larger than any buffer', () => {
    const bytes = byteArrays()
    const lengths = [300, 1, 5_000, 16_384, 20_000, 90, 70_000, 3]
    const arrays = lengths.map((length) => bytes(length))
    arrays.forEach((array, at) => array.fill(at + 1))
    expect(arrays.map((array) => array.length)).toEqual(lengths)
    expect(arrays.map((array, at) => array.every((byte) => byte === at + 1))).toEqual(
      lengths.map(() => true),
    )
  })
})

describe('remembered and lastWordsOf', () => {
  it('give the same answers as the functions they remember', () => {
    let calls = 0
    const sentence = remembered((value) => {
      calls++
      return `value ${String(value)}`
    })
    expect([sentence('a'), sentence('a'), sentence(true), sentence(3), sentence(3)]).toEqual([
      'value a',
      'value a',
      'value true',
      'value 3',
      'value 3',
    ])
    expect(calls).toBe(3)
    expect([sentence(0), sentence(-0), sentence(0), sentence(2.5), sentence(2.5)]).toEqual([
      'value 0',
      'value 0',
      'value 0',
      'value 2.5',
      'value 2.5',
    ])
    expect(calls).toBe(7)
    const words = lastWordsOf()
    for (const title of ['VP of Sales', 'VP of Sales', 'Head-of IT']) {
      expect(words(title)).toEqual(wordsOf(title))
    }
  })

  it('stops remembering texts that do not repeat, and keeps those that do', () => {
    const counting = () => {
      const counter = { calls: 0, sentence: (_: unknown) => '' }
      counter.sentence = remembered((value) => {
        counter.calls++
        return `value ${String(value)}`
      })
      return counter
    }
    const unique = counting()
    for (let at = 0; at < 600; at++) unique.sentence(`lead ${at}`)
    expect([unique.sentence('lead 599'), unique.sentence('lead 599')]).toEqual([
      'value lead 599',
      'value lead 599',
    ])
    expect(unique.calls).toBe(602)
    const repeating = counting()
    // Each text three times in a row: two of three look-ups find it, past the 512 it holds.
    for (let at = 0; at < 1800; at++) repeating.sentence(`lead ${Math.floor(at / 3)}`)
    expect(repeating.sentence('lead 599')).toBe('value lead 599')
    expect(repeating.calls).toBe(600)
  })
})

describe('currentTimestamp', () => {
  it('is the current time as an ISO string', () => {
    const before = Date.now()
    const stamp = Date.parse(currentTimestamp())
    expect(stamp).toBeGreaterThanOrEqual(before)
    expect(stamp).toBeLessThanOrEqual(Date.now())
    expect(currentTimestamp()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })
})
