import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset } from '../../engine/index.ts'
import { rulesetToGraph, traceMarks, validateGraph } from '../../editor/model/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const small = { id: 'L1', company: { employees: 12, country: 'US' }, bant: { budget: 20000 } }

describe('traceMarks', () => {
  it('colours a freshly drawn graph straight from the trace', () => {
    const marks = traceMarks(compileRuleset(b2b).evaluate(small))
    expect(marks.get('rule:min-employees/when.all.0')).toEqual({ result: 'fail', actual: 12 })
    expect(marks.get('rule:min-employees/when')).toEqual({ result: 'fail' })
    expect(marks.get('rule:min-employees')).toEqual({
      result: 'fail',
      effect: 'rejected',
      points: 0,
    })
    expect(marks.get('rule:timeline/when.all.0')).toEqual({ result: 'unknown', actual: undefined })
  })

  it('gives every condition and gate of the graph a mark', () => {
    const graph = rulesetToGraph(b2b, { layout: 'none' })
    const marks = traceMarks(compileRuleset(b2b).evaluate(small))
    const unmarked = graph.nodes.filter((node) => node.kind !== 'policy' && !marks.has(node.id))
    expect(unmarked).toEqual([])
  })

  it('finds edited nodes through the mapping of the graph that was evaluated', () => {
    const graph = rulesetToGraph(b2b, { layout: 'none' })
    const renamed = graph.nodes.map((node) =>
      node.id === 'rule:min-employees/when.all.0' ? { ...node, id: 'n-7' } : node,
    )
    const edges = graph.edges.map((edge) =>
      edge.source === 'rule:min-employees/when.all.0' ? { ...edge, source: 'n-7' } : edge,
    )
    const validation = validateGraph({ ...graph, nodes: renamed, edges })
    const decision = compileRuleset(validation.ruleset!).evaluate(small)
    const marks = traceMarks(decision, validation.mapping.nodeByCanonical)
    expect(marks.get('n-7')).toEqual({ result: 'fail', actual: 12 })
  })

  it('marks a persona with its match share when it is listed', () => {
    const lead = {
      contact: { title: 'VP Change Management' },
      company: { employees: 5000, locations: 2 },
    }
    const marks = traceMarks(compileRuleset(b2b).evaluate(lead))
    expect(marks.get('persona:change-director')).toEqual({ result: 'fail', match: 0.75 })
    expect(marks.get('persona:stretched-cto')).toEqual({ result: 'fail' })
  })
})
