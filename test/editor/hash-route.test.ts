import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute } from '../../editor/app/hash-route.ts'

describe('editor addresses', () => {
  it('opens a ruleset at a version', () => {
    expect(parseRoute('#/rulesets/b2b-inbound/v/3')).toEqual({
      name: 'editor',
      id: 'b2b-inbound',
      version: 3,
    })
  })

  it('opens the latest version when none is named', () => {
    expect(parseRoute('#/rulesets/b2b-inbound')).toEqual({ name: 'editor', id: 'b2b-inbound' })
  })

  it('compares two versions', () => {
    expect(parseRoute('#/rulesets/x/compare/1/2')).toEqual({ name: 'compare', id: 'x', a: 1, b: 2 })
  })

  it('falls back to the list for anything else', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'list' })
    expect(parseRoute('')).toEqual({ name: 'list' })
  })

  it('writes the addresses it reads', () => {
    const route = { name: 'editor' as const, id: 'b2b-inbound', version: 2 }
    expect(parseRoute(hrefOf(route))).toEqual(route)
  })
})
