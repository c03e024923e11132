import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fieldCatalog,
  operatorNames,
  rulesetSchema,
  validateRuleset,
  type ConditionValue,
} from '../../engine/index.ts'
import {
  canConnect,
  nodeFromPalette,
  operatorsFor,
  paletteGroups,
  rulesetToGraph,
  validateGraph,
  type Graph,
  type GraphNode,
  type PaletteItem,
} from '../../editor/model/index.ts'

const items: PaletteItem[] = paletteGroups(fieldCatalog).flatMap((group) => group.items)

const emptyRuleset = () =>
  rulesetSchema.parse({
    contentType: 'application/vnd.leadgate.ruleset+json',
    schemaVersion: 1,
    id: 'new-ruleset',
    name: 'New ruleset',
    policy: { acceptAt: 60, nurtureAt: 30 },
    rules: [],
  })

type Step =
  | { op: 'add'; item: number }
  | { op: 'connect'; from: number; to: number }
  | { op: 'value'; at: number; value: ConditionValue | undefined }
  | { op: 'operator'; at: number; pick: number }
  | { op: 'delete'; at: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), item: fc.nat(items.length - 1) }),
  fc.record({ op: fc.constant('connect' as const), from: fc.nat(40), to: fc.nat(40) }),
  fc.record({
    op: fc.constant('value' as const),
    at: fc.nat(40),
    value: fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 8 }),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      fc.tuple(fc.integer(), fc.integer()),
      fc.constant({ list: 'nowhere' }),
      fc.constant(undefined),
    ),
  }),
  fc.record({ op: fc.constant('operator' as const), at: fc.nat(40), pick: fc.nat(20) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(40) }),
)

/** Plays palette steps the way the canvas allows them: wires only where canConnect says so. */
function build(steps: Step[]): Graph {
  const graph = rulesetToGraph(emptyRuleset())
  let counter = 0
  const pick = (at: number) => graph.nodes[at % graph.nodes.length]!
  for (const s of steps) {
    if (s.op === 'add') {
      const taken = new Set(
        graph.nodes.flatMap((node) =>
          node.kind === 'rule' ? [node.ruleId] : node.kind === 'persona' ? [node.personaId] : [],
        ),
      )
      graph.nodes.push(
        nodeFromPalette(items[s.item]!, {
          id: `n-${++counter}`,
          position: { x: counter * 10, y: 0 },
          catalog: fieldCatalog,
          takenIds: taken,
          owner: 'marketing',
        }),
      )
    } else if (s.op === 'connect') {
      const source = pick(s.from).id
      const target = pick(s.to).id
      if (canConnect(graph.nodes, graph.edges, source, target).ok) {
        graph.edges.push({ id: `${source}->${target}`, source, target })
      }
    } else if (s.op === 'value' || s.op === 'operator') {
      const node = pick(s.at)
      if (node.kind !== 'condition') continue
      const index = graph.nodes.indexOf(node)
      if (s.op === 'value') {
        const next: GraphNode = { ...node, value: s.value }
        if (s.value === undefined) delete next.value
        graph.nodes[index] = next
      } else {
        const choices = operatorsFor(fieldCatalog.get(node.fact))
        graph.nodes[index] = { ...node, operator: choices[s.pick % choices.length]! }
      }
    } else {
      const node = pick(s.at)
      if (node.kind === 'policy') continue
      graph.nodes = graph.nodes.filter((other) => other !== node)
      graph.edges = graph.edges.filter((edge) => edge.source !== node.id && edge.target !== node.id)
    }
  }
  return graph
}

describe('graphs built from the palette', () => {
  it('map to a valid ruleset or to errors pinned on nodes of the graph', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const graph = build(steps)
        const result = validateGraph(graph)
        const ids = new Set(graph.nodes.map((node) => node.id))
        for (const issue of result.issues) {
          expect(issue.nodeId !== undefined && ids.has(issue.nodeId)).toBe(true)
        }
        if (result.ok) expect(validateRuleset(result.ruleset).ok).toBe(true)
        else expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('offers every catalog field, grouped in the categories people look for', () => {
    const groups = paletteGroups(fieldCatalog)
    expect(groups.map((group) => group.category)).toEqual([
      'Contact',
      'Company',
      'Technology',
      'BANT',
      'Engagement',
      'Logic',
      'Outcomes',
      'Personas',
    ])
    const fields = groups.flatMap((group) =>
      group.items.flatMap((item) => (item.kind === 'condition' ? [item.fact] : [])),
    )
    expect(fields.sort()).toEqual([...fieldCatalog.keys()].sort())
  })

  it('drops every field as a condition that is valid at once', () => {
    for (const item of items.filter((candidate) => candidate.kind === 'condition')) {
      const graph = build([])
      const rule = nodeFromPalette(
        items.find((i) => i.key === 'rule:require')!,
        {
          id: 'r',
          position: { x: 0, y: 0 },
          catalog: fieldCatalog,
          takenIds: new Set(),
          owner: 'sales',
        },
      )
      const condition = nodeFromPalette(item, {
        id: 'c',
        position: { x: 0, y: 0 },
        catalog: fieldCatalog,
        takenIds: new Set(),
        owner: 'sales',
      })
      graph.nodes.push(rule, condition)
      graph.edges.push({ id: 'c->r', source: 'c', target: 'r' })
      const errors = validateGraph(graph).issues.filter((issue) => issue.severity === 'error')
      expect({ field: item.label, errors }).toEqual({ field: item.label, errors: [] })
    }
  })

  it('lists only the comparisons that apply to a field', () => {
    expect(operatorsFor(fieldCatalog.get('company.employees'))).toEqual([
      'equal',
      'notEqual',
      'lessThan',
      'lessThanInclusive',
      'greaterThan',
      'greaterThanInclusive',
      'in',
      'notIn',
      'exists',
      'between',
    ])
    expect(operatorsFor(undefined)).toEqual([...operatorNames])
  })

  it('gives a new rule a free id', () => {
    const item = items.find((candidate) => candidate.key === 'rule:score')!
    const node = nodeFromPalette(item, {
      id: 'x',
      position: { x: 0, y: 0 },
      catalog: fieldCatalog,
      takenIds: new Set(['new-score', 'new-score-2']),
      owner: 'marketing',
    })
    expect(node).toEqual({
      id: 'x',
      position: { x: 0, y: 0 },
      kind: 'rule',
      ruleId: 'new-score-3',
      name: 'New score',
      owner: 'marketing',
      ruleKind: 'score',
      points: 10,
    })
  })
})
