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

describe('audit addresses', () => {
  it('opens the explorer with its filters', () => {
    expect(parseRoute('#/decisions?outcome=rejected&leadId=00Q1')).toEqual({
      name: 'audit',
      filters: { outcome: 'rejected', leadId: '00Q1' },
    })
  })

  it('opens the explorer with no filters', () => {
    expect(parseRoute('#/decisions')).toEqual({ name: 'audit', filters: {} })
  })

  it('opens one decision', () => {
    expect(parseRoute('#/decisions/d0123')).toEqual({ name: 'decision', id: 'd0123' })
  })

  it('opens a replay of a decision on a version', () => {
    expect(parseRoute('#/decisions/d0123/replay/4')).toEqual({
      name: 'replay',
      id: 'd0123',
      version: 4,
    })
  })

  it('treats a replay without a usable version as the decision itself', () => {
    expect(parseRoute('#/decisions/d0123/replay/x')).toEqual({ name: 'decision', id: 'd0123' })
  })

  it('writes the audit addresses it reads', () => {
    const routes = [
      { name: 'audit' as const, filters: { company: 'Acme & Sons', outcome: 'nurture' as const } },
      { name: 'decision' as const, id: 'd0123' },
      { name: 'replay' as const, id: 'd0123', version: 2 },
    ]
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route)
  })
})
