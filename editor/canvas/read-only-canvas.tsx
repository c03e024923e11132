import { Background, BackgroundVariant, Controls, ReactFlow } from '@xyflow/react'
import { nodeTypes } from './node-types.ts'
import { useEditor } from './store-context.tsx'

/**
 * The canvas of a store loaded read-only, fitted to the view: the version comparison and
 * the decision page draw with it. Nodes can be selected (to read them) but not moved.
 * `focus` opens the view on those nodes (readable size) instead of the whole graph.
 */
export function ReadOnlyCanvas({ focus }: { focus?: readonly string[] }) {
  const nodes = useEditor((state) => state.nodes)
  const edges = useEditor((state) => state.edges)
  const onNodesChange = useEditor((state) => state.onNodesChange)
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      nodesDraggable={false}
      nodesConnectable={false}
      fitView
      fitViewOptions={
        focus && focus.length > 0
          ? { padding: 0.25, maxZoom: 1, nodes: focus.map((id) => ({ id })) }
          : { padding: 0.1 }
      }
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
      defaultEdgeOptions={{ type: 'smoothstep' }}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd4dc" />
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}
