import { describe, expect, it } from 'vitest'
import { parseJsonSafely, UnsafeJsonError } from '../../server/http/safe-json.ts'

const reasonOf = (text: string, maxDepth?: number) => {
  try {
    parseJsonSafely(text, maxDepth)
    return 'ok'
  } catch (error) {
    return error instanceof UnsafeJsonError ? `${error.reason} ${error.path}` : 'other'
  }
}

describe('parseJsonSafely', () => {
  it('parses ordinary JSON unchanged', () => {
    expect(parseJsonSafely('{"a":[1,{"b":null}],"c":"x"}')).toEqual({ a: [1, { b: null }], c: 'x' })
  })

  it('refuses forbidden keys wherever they are, naming the path', () => {
    expect(reasonOf('{"lead":{"__proto__":{"x":1}}}')).toBe('forbidden_key lead.__proto__')
    expect(reasonOf('{"a":[{"b":{"constructor":{}}}]}')).toBe('forbidden_key a[0].b.constructor')
    expect(reasonOf('{"prototype":1}')).toBe('forbidden_key prototype')
  })

  it('refuses a forbidden key written with escapes', () => {
    expect(reasonOf('{"\\u005f_proto__":{}}')).toBe('forbidden_key __proto__')
  })

  it('refuses nesting deeper than the limit, arrays included', () => {
    expect(reasonOf('[[[1]]]', 3)).toBe('ok')
    expect(reasonOf('[[[[1]]]]', 3)).toBe('too_deep [0][0][0]')
    expect(reasonOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatch(/^too_deep/)
  })

  it('reports malformed JSON as invalid_json', () => {
    expect(reasonOf('{"a":')).toBe('invalid_json ')
  })

  it('names the whole path of a number too large for a double, in the message too', () => {
    expect(reasonOf('{"lead":{"bant":{"budget":1e999}}}')).toBe(
      'non_finite_number lead.bant.budget',
    )
    expect(reasonOf('{"a":[0,[1e999]]}')).toBe('non_finite_number a[1][0]')
    expect(() => parseJsonSafely('{"lead":{"bant":{"budget":1e999}}}')).toThrow(
      'the number at "lead.bant.budget" is too large to represent',
    )
  })

  it('accepts keys that only contain a forbidden word', () => {
    expect(reasonOf('{"constructorName":"x","my__proto__":1}')).toBe('ok')
  })
})
