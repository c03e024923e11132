import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRuleset, type Ruleset } from '../../engine/index.ts'
import { graphPartSchema, graphToRuleset, rulesetToGraph } from '../../editor/model/index.ts'
import { rulesetArbitrary } from './ruleset-arbitrary.ts'

const withoutLayout = ({ layout: _layout, ...rest }: Ruleset) => rest

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))

describe('ruleset ↔ graph mapping', () => {
  it('gives back the same ruleset for any generated ruleset', () => {
    fc.assert(
      fc.property(rulesetArbitrary, (ruleset) => {
        const back = graphToRuleset(rulesetToGraph(ruleset)).ruleset
        expect(withoutLayout(back)).toStrictEqual(withoutLayout(ruleset))
      }),
      { numRuns: 300 },
    )
  })

  it('gives back the same ruleset, layout included, once the layout is stored', () => {
    fc.assert(
      fc.property(rulesetArbitrary, (ruleset) => {
        const stored = graphToRuleset(rulesetToGraph(ruleset)).ruleset
        const again = graphToRuleset(rulesetToGraph(stored)).ruleset
        expect(again).toStrictEqual(stored)
      }),
      { numRuns: 200 },
    )
  })

  it('draws graphs that satisfy the graph schema', () => {
    fc.assert(
      fc.property(rulesetArbitrary, (ruleset) => {
        const { nodes, edges } = rulesetToGraph(ruleset)
        expect(graphPartSchema.safeParse({ nodes, edges }).success).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('round-trips the shipped b2b-inbound example', () => {
    const back = graphToRuleset(rulesetToGraph(b2b)).ruleset
    expect(withoutLayout(back)).toStrictEqual(withoutLayout(b2b))
  })

  it('names nodes after the rule id and the trace path', () => {
    const ids = rulesetToGraph(b2b, { layout: 'none' })
      .nodes.map((node) => node.id)
      .filter((id) => id.startsWith('rule:competitor'))
    expect(ids).toEqual([
      'rule:competitor',
      'rule:competitor/when',
      'rule:competitor/when.any.0',
      'rule:competitor/when.any.1',
    ])
  })

  it('wires each condition into its gate and the gate into the rule', () => {
    const { edges } = rulesetToGraph(b2b, { layout: 'none' })
    expect(edges.filter((edge) => edge.target.startsWith('rule:competitor'))).toEqual([
      {
        id: 'rule:competitor/when->rule:competitor',
        source: 'rule:competitor/when',
        target: 'rule:competitor',
      },
      {
        id: 'rule:competitor/when.any.0->rule:competitor/when',
        source: 'rule:competitor/when.any.0',
        target: 'rule:competitor/when',
      },
      {
        id: 'rule:competitor/when.any.1->rule:competitor/when',
        source: 'rule:competitor/when.any.1',
        target: 'rule:competitor/when',
      },
    ])
  })

  it('keeps layout keys written by another tool', () => {
    const ruleset = { ...b2b, layout: { zoom: 1.5, positions: { policy: [10, 20] } } }
    const layout = graphToRuleset(rulesetToGraph(ruleset)).ruleset.layout!
    expect(layout.zoom).toBe(1.5)
    expect((layout.positions as Record<string, unknown>).policy).toEqual([10, 20])
  })

  it('keeps conditions that are not wired to anything in the layout', () => {
    const graph = rulesetToGraph(b2b)
    graph.nodes.push({
      id: 'n-loose',
      kind: 'condition',
      position: { x: 5, y: 6 },
      fact: 'company.employees',
      operator: 'greaterThan',
      value: 10,
    })
    const saved = graphToRuleset(graph).ruleset
    expect(withoutLayout(saved)).toStrictEqual(withoutLayout(b2b))
    const reopened = rulesetToGraph(saved)
    expect(reopened.nodes.find((node) => node.id === 'n-loose')).toEqual({
      id: 'n-loose',
      kind: 'condition',
      position: { x: 5, y: 6 },
      fact: 'company.employees',
      operator: 'greaterThan',
      value: 10,
    })
  })
})
