import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fillPhrase } from '../../engine/format-value.ts'

/** The plain reading of a phrase: plural choices first, then the first `{value}`. */
const plainFill = (phrase: string, value: string, count: unknown) =>
  phrase
    .replace(/\{([^|}]*)\|([^}]*)\}/g, (_, one: string, many: string) => (count === 1 ? one : many))
    .replace('{value}', () => value)

describe('fillPhrase', () => {
  it('fills the value and picks the plural by the count', () => {
    expect(fillPhrase('Company has {value} {employee|employees}', '1', 1)).toBe(
      'Company has 1 employee',
    )
    expect(fillPhrase('Company has {value} {employee|employees}', '1,200', 1200)).toBe(
      'Company has 1,200 employees',
    )
  })

  it('never reads the lead’s text as a pattern', () => {
    expect(fillPhrase('Job title is "{value}"', '$& {a|b} {value}', 'x')).toBe(
      'Job title is "$& {a|b} {value}"',
    )
  })

  it('reads any phrase as the plain replacement does', () => {
    const piece = fc.constantFrom('{value}', '{one|many}', '{|s}', 'text ', '{', '}', '|', '$&')
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join('')),
        fc.string(),
        fc.constantFrom(1, 2, '1'),
        (phrase, value, count) =>
          fillPhrase(phrase, value, count) === plainFill(phrase, value, count),
      ),
      { numRuns: 5_000 },
    )
  })
})
