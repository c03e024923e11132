import { isAll, isAny, isNot, type Condition, type Ruleset } from '../../engine/index.ts'
import { autoLayout } from './auto-layout.ts'
import { canonicalRootId, memberId, POLICY_NODE_ID } from './canonical-ids.ts'
import type { Graph, GraphEdge, GraphNode, Position } from './graph-schema.ts'
import { readLayout } from './stored-layout.ts'

export interface ToGraphOptions {
  /**
   * `auto` (default): use stored positions and lay out whatever has none;
   * `none`: leave positions at 0,0 (for diffs and tests that only care about structure).
   */
  layout?: 'auto' | 'none'
}

/**
 * Draws a ruleset as a graph: one node per rule, persona and the policy, one per condition
 * and gate, wired from each condition into the gate or rule that uses it.
 *
 * Node ids are canonical: `rule:<rule id>` for a rule, and for its conditions the rule's id
 * plus the trace path (`rule:min-employees/when.all.0`). The same ruleset always gives the
 * same ids, so two versions can be compared node by node and a decision's trace lands on its
 * nodes without a look-up table.
 *
 * @example
 * const graph = rulesetToGraph(parseRuleset(json))
 * graph.nodes.find((node) => node.id === 'rule:min-employees')?.kind // 'rule'
 */
export function rulesetToGraph(ruleset: Ruleset, options: ToGraphOptions = {}): Graph {
  const { rules, personas, policy, layout, ...meta } = ruleset
  const stored = readLayout(layout)
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  const taken = new Set<string>()
  const unplaced = new Set<string>()

  const unique = (id: string): string => {
    // Only an invalid ruleset repeats a rule id; its nodes still need distinct ids.
    let candidate = id
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}#${n}`
    taken.add(candidate)
    return candidate
  }
  const positionOf = (id: string, rootId: string): Position => {
    const position = stored.positions.get(id)
    if (position) return position
    unplaced.add(rootId)
    return { x: 0, y: 0 }
  }

  const addCondition = (condition: Condition, id: string, parentId: string, rootId: string) => {
    edges.push({ id: edgeId(id, parentId), source: id, target: parentId })
    const position = positionOf(id, rootId)
    if (isAll(condition) || isAny(condition)) {
      const gate = isAll(condition) ? 'all' : 'any'
      nodes.push({ id, kind: 'gate', position, gate })
      const members = isAll(condition) ? condition.all : condition.any
      members.forEach((member, at) => addCondition(member, memberId(id, gate, at), id, rootId))
    } else if (isNot(condition)) {
      nodes.push({ id, kind: 'gate', position, gate: 'not' })
      addCondition(condition.not, memberId(id, 'not'), id, rootId)
    } else {
      const node: GraphNode = {
        id,
        kind: 'condition',
        position,
        fact: condition.fact,
        operator: condition.operator,
      }
      if (condition.value !== undefined) node.value = condition.value
      nodes.push(node)
    }
  }

  nodes.push({
    id: unique(POLICY_NODE_ID),
    kind: 'policy',
    position: stored.positions.get(POLICY_NODE_ID) ?? { x: 0, y: 0 },
    ...policy,
  })

  for (const rule of rules) {
    const id = unique(canonicalRootId('rule', rule.id))
    const { id: ruleId, kind: ruleKind, when, ...rest } = rule
    nodes.push({ id, kind: 'rule', position: positionOf(id, id), ruleId, ruleKind, ...rest })
    addCondition(when, `${id}/when`, id, id)
  }
  for (const persona of personas) {
    const id = unique(canonicalRootId('persona', persona.id))
    const { id: personaId, match, ...rest } = persona
    nodes.push({ id, kind: 'persona', position: positionOf(id, id), personaId, ...rest })
    addCondition(match, `${id}/match`, id, id)
  }

  nodes.push(...stored.detached.nodes)
  edges.push(...stored.detached.edges)
  const graph: Graph = { meta: withLayoutExtra(meta, stored.extra), nodes, edges }
  if (options.layout === 'none' || unplaced.size === 0) return graph
  // A ruleset that was never opened in the editor gets a full layout; one that misses a few
  // positions keeps the ones it has and gets the rest placed below.
  const placedBefore = stored.positions.size > 0
  return autoLayout(graph, placedBefore ? unplaced : undefined)
}

export const edgeId = (source: string, target: string): string => `${source}->${target}`

function withLayoutExtra(
  meta: Omit<Ruleset, 'rules' | 'personas' | 'policy' | 'layout'>,
  extra: Record<string, unknown>,
): Graph['meta'] {
  return Object.keys(extra).length > 0 ? { ...meta, layoutExtra: extra } : meta
}
