import { RulesetFlow } from './ruleset-flow.tsx'
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
    <RulesetFlow
      nodes={nodes}
      edges={edges}
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
    />
  )
}
