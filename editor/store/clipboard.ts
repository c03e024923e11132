import type { Graph, GraphEdge, GraphNode } from '../model/index.ts'
import { edgeId, freeSlug } from '../model/index.ts'

export interface Clipboard {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

const OFFSET = 40

/**
 * What pasting the clipboard adds: copies with fresh node ids, moved a little so they do not
 * hide the originals, wires between copied nodes kept, and rule or persona ids made unique.
 *
 * @example
 * const plan = pastePlan(clipboard, store.graph(), () => crypto.randomUUID())
 */
export function pastePlan(clipboard: Clipboard, graph: Graph, newId: () => string): Clipboard {
  const ids = new Map(clipboard.nodes.map((node) => [node.id, newId()]))
  const taken = new Set(
    graph.nodes.flatMap((node) =>
      node.kind === 'rule' ? [node.ruleId] : node.kind === 'persona' ? [node.personaId] : [],
    ),
  )
  const nodes = clipboard.nodes.map((node): GraphNode => {
    const copy = {
      ...node,
      id: ids.get(node.id)!,
      position: { x: node.position.x + OFFSET, y: node.position.y + OFFSET },
    }
    if (copy.kind === 'rule') {
      copy.ruleId = freeSlug(copy.ruleId, taken)
      taken.add(copy.ruleId)
    } else if (copy.kind === 'persona') {
      copy.personaId = freeSlug(copy.personaId, taken)
      taken.add(copy.personaId)
    }
    return copy
  })
  const edges = clipboard.edges.map((edge) => {
    const source = ids.get(edge.source)!
    const target = ids.get(edge.target)!
    return { id: edgeId(source, target), source, target }
  })
  return { nodes, edges }
}
