import dagre from '@dagrejs/dagre'
import type { Graph, GraphNode, NodeKind, Position } from './graph-schema.ts'

/** Sizes the layout plans with; close to what the node components render. */
export const nodeSize: Record<NodeKind, { width: number; height: number }> = {
  condition: { width: 260, height: 114 },
  gate: { width: 104, height: 44 },
  rule: { width: 300, height: 150 },
  persona: { width: 300, height: 150 },
  policy: { width: 300, height: 96 },
}

const TREE_GAP = 36
const SECTION_GAP = 96
const RANK_GAP = 56
const SIBLING_GAP = 18
const COLUMN_GAP = 120
/** Width over height of the area the columns should fill: about a laptop's canvas. */
const ASPECT = 1.2

/**
 * Places every rule and persona with its conditions: each tree is laid out by dagre from left
 * (conditions) to right (the outcome), and the trees are stacked so all outcomes line up in
 * one column, rules first, then personas. The policy card sits above them.
 *
 * Laying out one tree at a time keeps dagre's work small (a 200-rule ruleset is 200 small
 * layouts, not one big one) and gives a reading order that follows the rule list.
 *
 * `only` limits the layout to the trees with those root ids; they are stacked below what is
 * already placed (for a ruleset whose stored layout misses a few rules).
 *
 * @example
 * const placed = autoLayout(rulesetToGraph(ruleset, { layout: 'none' }))
 */
export function autoLayout(graph: Graph, only?: ReadonlySet<string>): Graph {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]))
  const inputs = new Map<string, string[]>()
  for (const edge of graph.edges) {
    const list = inputs.get(edge.target)
    if (list) list.push(edge.source)
    else inputs.set(edge.target, [edge.source])
  }
  const placed = new Map<string, Position>()
  const roots = graph.nodes.filter(
    (node) => (node.kind === 'rule' || node.kind === 'persona') && (!only || only.has(node.id)),
  )
  const treeIds = new Set(roots.flatMap((root) => subtree(root.id, inputs)))

  let top = 0
  let rootX = 0
  if (only) {
    for (const node of graph.nodes) {
      if (treeIds.has(node.id)) continue
      top = Math.max(top, node.position.y + nodeSize[node.kind].height + SECTION_GAP)
      if (node.kind === 'rule' || node.kind === 'persona') rootX = Math.max(rootX, node.position.x)
    }
  } else {
    const policy = graph.nodes.find((node) => node.kind === 'policy')
    if (policy) top = nodeSize.policy.height + SECTION_GAP
  }

  const trees = roots.map((root) => layoutTree(root, byId, inputs))
  if (!only) rootX = Math.max(0, ...trees.map((tree) => tree.rootX))
  // Many rules stacked in one column make a strip too thin to read when fitted: wrap the
  // trees into as many columns as give the whole roughly the canvas's proportions.
  const treeWidth = Math.max(0, ...trees.map((tree) => tree.rootX)) + nodeSize.rule.width
  const stacked = trees.reduce((sum, tree) => sum + tree.height + TREE_GAP, 0)
  const columns = only ? 1 : Math.max(1, Math.round(Math.sqrt((ASPECT * stacked) / treeWidth)))
  const columnHeight = stacked / columns
  const firstTop = top
  let column = 0
  let previousKind: NodeKind | undefined
  trees.forEach((tree, at) => {
    const kind = roots[at]!.kind
    if (previousKind && kind !== previousKind) top += SECTION_GAP - TREE_GAP
    previousKind = kind
    if (column < columns - 1 && top > firstTop && top - firstTop + tree.height / 2 > columnHeight) {
      column++
      top = firstTop
    }
    const dx = rootX + column * (treeWidth + COLUMN_GAP) - tree.rootX
    const dy = top - tree.top
    for (const [id, position] of tree.positions) {
      placed.set(id, { x: Math.round(position.x + dx), y: Math.round(position.y + dy) })
    }
    top += tree.height + TREE_GAP
  })
  if (!only) {
    const policy = graph.nodes.find((node) => node.kind === 'policy')
    if (policy) placed.set(policy.id, { x: rootX, y: 0 })
  }
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const position = placed.get(node.id)
      return position ? { ...node, position } : node
    }),
  }
}

function subtree(rootId: string, inputs: ReadonlyMap<string, string[]>): string[] {
  const ids: string[] = []
  const seen = new Set<string>()
  const stack = [rootId]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    ids.push(id)
    stack.push(...(inputs.get(id) ?? []))
  }
  return ids
}

interface TreeLayout {
  positions: Map<string, Position>
  rootX: number
  top: number
  height: number
}

function layoutTree(
  root: GraphNode,
  byId: ReadonlyMap<string, GraphNode>,
  inputs: ReadonlyMap<string, string[]>,
): TreeLayout {
  const ids = subtree(root.id, inputs).filter((id) => byId.has(id))
  if (ids.length === 1) {
    return {
      positions: new Map([[root.id, { x: 0, y: 0 }]]),
      rootX: 0,
      top: 0,
      height: nodeSize[root.kind].height,
    }
  }
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'LR', ranksep: RANK_GAP, nodesep: SIBLING_GAP, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const id of ids) g.setNode(id, { ...nodeSize[byId.get(id)!.kind] })
  const members = new Set(ids)
  for (const id of ids) {
    for (const source of inputs.get(id) ?? []) if (members.has(source)) g.setEdge(source, id)
  }
  dagre.layout(g)
  const positions = new Map<string, Position>()
  let top = Infinity
  let bottom = -Infinity
  for (const id of ids) {
    const { x, y, width, height } = g.node(id) as {
      x: number
      y: number
    } & (typeof nodeSize)[NodeKind]
    // dagre gives centres; React Flow positions are top-left corners.
    const position = { x: x - width / 2, y: y - height / 2 }
    positions.set(id, position)
    top = Math.min(top, position.y)
    bottom = Math.max(bottom, position.y + height)
  }
  return { positions, rootX: positions.get(root.id)!.x, top, height: bottom - top }
}
