import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  type ReactFlowProps,
} from '@xyflow/react'
import type { FlowEdge, FlowNode } from '../store/flow-elements.ts'
import { nodeTypes } from './node-types.ts'

// Module-level, so React Flow sees the same objects on every render and does not re-apply them.
const defaultEdgeOptions = { type: 'smoothstep' }
const proOptions = { hideAttribution: true }

type RulesetFlowProps = Omit<
  ReactFlowProps<FlowNode, FlowEdge>,
  'nodeTypes' | 'defaultEdgeOptions' | 'proOptions'
>

/**
 * React Flow as every ruleset canvas draws it (the editor, the version comparison, the
 * decision page): leadgate's node components, smooth-step edges, the dotted background and
 * zoom controls. `children` go between the background and the controls (the editor's minimap).
 *
 * @example
 * <RulesetFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView>
 *   <MiniMap pannable zoomable />
 * </RulesetFlow>
 */
export function RulesetFlow({ children, ...props }: RulesetFlowProps) {
  return (
    <ReactFlow
      {...props}
      nodeTypes={nodeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      proOptions={proOptions}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd4dc" />
      {children}
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}
