import type { Edge, Node } from '@xyflow/react'
import type { GraphEdge, GraphNode, NodeKind } from '../model/index.ts'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** A graph node's own fields: what React Flow carries as `data`. */
export type NodeData = DistributiveOmit<GraphNode, 'id' | 'position'>
export type FlowNode = Node<NodeData, NodeKind>
export type FlowEdge = Edge

/**
 * React Flow's nodes are the view: they add selection, measured size and dragging to the
 * graph model's nodes. These two functions are the only place the two meet.
 */
export function toFlowNode(node: GraphNode): FlowNode {
  const { id, position, ...data } = node
  return {
    id,
    type: node.kind,
    position,
    data: data as NodeData,
    ...(node.kind === 'policy' && { deletable: false }),
  }
}

export function toGraphNode(node: FlowNode): GraphNode {
  return { ...node.data, id: node.id, position: node.position } as GraphNode
}

export function toFlowEdge(edge: GraphEdge): FlowEdge {
  return { id: edge.id, source: edge.source, target: edge.target }
}

export function toGraphEdge(edge: FlowEdge): GraphEdge {
  return { id: edge.id, source: edge.source, target: edge.target }
}
