import { describe, expect, it } from 'vitest'
import { canConnect, type GraphEdge, type GraphNode } from '../../editor/model/index.ts'

const at = { x: 0, y: 0 }
const nodes: GraphNode[] = [
  { id: 'c1', kind: 'condition', position: at, fact: 'company.employees', operator: 'exists' },
  { id: 'c2', kind: 'condition', position: at, fact: 'bant.budget', operator: 'exists' },
  { id: 'all', kind: 'gate', position: at, gate: 'all' },
  { id: 'any', kind: 'gate', position: at, gate: 'any' },
  { id: 'not', kind: 'gate', position: at, gate: 'not' },
  {
    id: 'r',
    kind: 'rule',
    position: at,
    ruleId: 'r',
    name: 'R',
    owner: 'sales',
    ruleKind: 'require',
  },
  {
    id: 'p',
    kind: 'policy',
    position: at,
    acceptAt: 1,
    nurtureAt: 0,
    personaMinMatch: 0.5,
    minSegmentSize: 1,
  },
]
const wire = (source: string, target: string): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  target,
})

describe('canConnect', () => {
  it('lets a condition feed a gate', () => {
    expect(canConnect(nodes, [], 'c1', 'all')).toEqual({ ok: true })
  })

  it('refuses a second wire out of one condition', () => {
    expect(canConnect(nodes, [wire('c1', 'all')], 'c1', 'any')).toEqual({
      ok: false,
      reason: 'This is already wired; each condition feeds one place',
    })
  })

  it('refuses a second input into a rule', () => {
    expect(canConnect(nodes, [wire('all', 'r')], 'c1', 'r')).toEqual({
      ok: false,
      reason: 'A rule takes one input; wire several through an ALL or ANY gate',
    })
  })

  it('refuses a second input into NOT', () => {
    expect(canConnect(nodes, [wire('c1', 'not')], 'c2', 'not')).toEqual({
      ok: false,
      reason: 'NOT takes one input',
    })
  })

  it('refuses a loop between gates', () => {
    expect(canConnect(nodes, [wire('all', 'any')], 'any', 'all')).toEqual({
      ok: false,
      reason: 'That wire would make a loop',
    })
  })

  it('refuses wires into a condition or the thresholds', () => {
    expect(canConnect(nodes, [], 'c1', 'c2').ok).toBe(false)
    expect(canConnect(nodes, [], 'c1', 'p').ok).toBe(false)
  })

  it('refuses wires out of a rule', () => {
    expect(canConnect(nodes, [], 'r', 'all')).toEqual({
      ok: false,
      reason: 'Only conditions and gates can be wired in',
    })
  })
})
