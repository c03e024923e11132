import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset } from '../../engine/index.ts'
import {
  nodeForPath,
  rulesetToGraph,
  validateGraph,
  type Graph,
  type GraphNode,
} from '../../editor/model/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const fresh = (): Graph => rulesetToGraph(b2b, { layout: 'none' })

const update = (graph: Graph, id: string, change: Partial<GraphNode>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((node) => (node.id === id ? ({ ...node, ...change } as GraphNode) : node)),
})

describe('validateGraph', () => {
  it('accepts the b2b-inbound example with its parsed ruleset', () => {
    const result = validateGraph(fresh())
    expect(result.ok).toBe(true)
    expect(result.ruleset?.rules.length).toBe(15)
    expect(result.issues).toEqual([])
  })

  it('pins a wrong value on the condition that holds it', () => {
    const graph = update(fresh(), 'rule:min-employees/when.all.0', { value: 'fifty' })
    const result = validateGraph(graph)
    expect(result.ok).toBe(false)
    expect(result.byNode.get('rule:min-employees/when.all.0')).toEqual([
      {
        nodeId: 'rule:min-employees/when.all.0',
        severity: 'error',
        code: 'value_shape',
        message: '"is at least" needs a number',
        path: 'rules[2].when.all[0].value',
      },
    ])
  })

  it('pins an operator that does not fit the field on its condition, in words', () => {
    const graph = update(fresh(), 'rule:target-industry/when.all.0', {
      operator: 'greaterThan',
      value: 5,
    })
    const issues = validateGraph(graph).byNode.get('rule:target-industry/when.all.0')!
    expect(issues.map((issue) => issue.message)).toEqual([
      '"is more than" does not apply to Industry, a pick-list; use "is" or "is one of"',
    ])
  })

  it('says a rule with nothing wired in has nothing to check', () => {
    const graph = fresh()
    graph.edges = graph.edges.filter((edge) => edge.target !== 'rule:timeline')
    const result = validateGraph(graph)
    expect(result.byNode.get('rule:timeline')).toEqual([
      {
        nodeId: 'rule:timeline',
        severity: 'error',
        code: 'unwired',
        message: 'Wire a condition or a gate into this rule; it has nothing to check yet',
      },
    ])
  })

  it('marks an empty ALL gate and not the schema error under it', () => {
    const graph = fresh()
    graph.edges = graph.edges.filter((edge) => edge.target !== 'rule:timeline/when')
    const issues = validateGraph(graph).byNode.get('rule:timeline/when')!
    expect(issues.map((issue) => issue.code)).toEqual(['empty_gate'])
    expect(issues[0]!.message).toBe('Wire at least one condition into this ALL gate')
  })

  it('warns about an unwired condition without blocking the ruleset', () => {
    const graph = fresh()
    graph.edges = graph.edges.filter((edge) => edge.source !== 'rule:engaged/when.any.1')
    const result = validateGraph(graph)
    expect(result.ok).toBe(true)
    expect(result.byNode.get('rule:engaged/when.any.1')).toEqual([
      {
        nodeId: 'rule:engaged/when.any.1',
        severity: 'warning',
        code: 'detached',
        message: 'Not wired to a rule or persona, so it has no effect yet',
      },
    ])
  })

  it('puts a duplicate rule id on the second rule', () => {
    const graph = update(fresh(), 'rule:need', { ruleId: 'authority' })
    const result = validateGraph(graph)
    expect(result.byNode.get('rule:need')!.map((issue) => issue.message)).toEqual([
      'Rule id "authority" is used by another rule',
    ])
  })

  it('asks for a name when a rule has none', () => {
    const graph = update(fresh(), 'rule:need', { name: '' })
    expect(
      validateGraph(graph)
        .byNode.get('rule:need')!
        .map((issue) => issue.message),
    ).toEqual(['A name is required'])
  })

  it('pins thresholds in the wrong order on the policy node', () => {
    const graph = update(fresh(), 'policy', { acceptAt: 10, nurtureAt: 40 })
    expect(
      validateGraph(graph)
        .byNode.get('policy')!
        .map((issue) => issue.code),
    ).toEqual(['thresholds'])
  })

  it('reports a missing list on the condition that refers to it', () => {
    const graph = update(fresh(), 'rule:free-mail/when.all.0', {
      value: { list: 'free-mail-domain' },
    })
    expect(
      validateGraph(graph)
        .byNode.get('rule:free-mail/when.all.0')!
        .map((issue) => issue.message),
    ).toEqual(['No list named "free-mail-domain"; did you mean "free-mail-domains"?'])
  })

  it('finds the node for a path by its longest drawn prefix', () => {
    const index = new Map([
      ['rules[2]', 'r'],
      ['rules[2].when', 'g'],
      ['rules[2].when.all[1]', 'c'],
    ])
    expect(nodeForPath('rules[2].when.all[1].value[0]', index)).toBe('c')
    expect(nodeForPath('rules[2].points', index)).toBe('r')
    expect(nodeForPath('lists.x', index)).toBeUndefined()
  })
})
