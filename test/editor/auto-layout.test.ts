import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset } from '../../engine/index.ts'
import { graphToRuleset, nodeSize, rulesetToGraph } from '../../editor/model/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))

describe('automatic layout', () => {
  it('wraps the rules into columns whose outcomes line up, inputs to their left', () => {
    const graph = rulesetToGraph(b2b)
    const byId = new Map(graph.nodes.map((node) => [node.id, node]))
    const roots = graph.nodes.filter((node) => node.kind === 'rule' || node.kind === 'persona')
    expect(new Set(roots.map((node) => node.position.x)).size).toBe(3)
    for (const edge of graph.edges) {
      const source = byId.get(edge.source)!
      const target = byId.get(edge.target)!
      expect(source.position.x + nodeSize[source.kind].width).toBeLessThan(target.position.x)
    }
  })

  it('keeps rule order: down a column, then on to the next', () => {
    const rules = rulesetToGraph(b2b).nodes.filter((node) => node.kind === 'rule')
    for (let at = 1; at < rules.length; at++) {
      const [before, after] = [rules[at - 1]!.position, rules[at]!.position]
      const below = after.x === before.x && after.y >= before.y + nodeSize.rule.height
      expect(below || after.x > before.x).toBe(true)
    }
  })

  it('stores the positions under canonical ids in the ruleset layout', () => {
    const graph = rulesetToGraph(b2b)
    const layout = graphToRuleset(graph).ruleset.layout as { positions: Record<string, number[]> }
    const node = graph.nodes.find((candidate) => candidate.id === 'rule:min-employees')!
    expect(layout.positions['rule:min-employees']).toEqual([node.position.x, node.position.y])
    expect(Object.keys(layout.positions).length).toBe(graph.nodes.length)
  })

  it('keeps stored positions and places only the rules that have none, below them', () => {
    const stored = graphToRuleset(rulesetToGraph(b2b)).ruleset
    const positions = stored.layout!.positions as Record<string, [number, number]>
    const withNew = {
      ...stored,
      rules: [
        ...stored.rules,
        {
          id: 'extra',
          name: 'Extra',
          owner: 'sales' as const,
          kind: 'score' as const,
          points: 5,
          when: { fact: 'company.locations', operator: 'greaterThan' as const, value: 9 },
        },
      ],
    }
    const graph = rulesetToGraph(withNew)
    const kept = graph.nodes.find((node) => node.id === 'rule:min-employees')!
    expect([kept.position.x, kept.position.y]).toEqual(positions['rule:min-employees'])
    const lowest = Math.max(...Object.values(positions).map(([, y]) => y))
    const extra = graph.nodes.find((node) => node.id === 'rule:extra')!
    expect(extra.position.y).toBeGreaterThan(lowest)
  })
})
