import { MiniMap, useReactFlow, type IsValidConnection } from '@xyflow/react'
import { useCallback, useEffect, useMemo, type DragEvent } from 'react'
import type { Owner } from '../../engine/index.ts'
import { canConnect, nodeFromPalette, type PaletteItem } from '../model/index.ts'
import { toGraphEdge, toGraphNode, type FlowNode } from '../store/flow-elements.ts'
import { newNodeId } from './new-node-id.ts'
import { PALETTE_MIME } from './palette-panel.tsx'
import { RulesetFlow } from './ruleset-flow.tsx'
import { useCatalog, useEditor, useEditorStore } from './store-context.tsx'

interface FlowCanvasProps {
  owner: Owner
  paletteItems: ReadonlyMap<string, PaletteItem>
  /** Fit the view when this changes (a new ruleset or version was loaded). */
  fitKey: string
}

const minimapColour = (node: FlowNode): string => {
  switch (node.type) {
    case 'rule':
      return node.data.kind === 'rule' && node.data.owner === 'sales' ? '#0d9488' : '#9333ea'
    case 'persona':
      return '#f59e0b'
    case 'gate':
      return '#6366f1'
    case 'policy':
      return '#111827'
    default:
      return '#cbd5e1'
  }
}

/** The React Flow canvas bound to the editor store. */
export function FlowCanvas({ owner, paletteItems, fitKey }: FlowCanvasProps) {
  const store = useEditorStore()
  const nodes = useEditor((state) => state.nodes)
  const edges = useEditor((state) => state.edges)
  const readOnly = useEditor((state) => state.readOnly)
  const filter = useEditor((state) => state.ownerFilter)
  const onNodesChange = useEditor((state) => state.onNodesChange)
  const onEdgesChange = useEditor((state) => state.onEdgesChange)
  const connect = useEditor((state) => state.connect)
  const catalog = useCatalog()
  const { screenToFlowPosition, fitView, setViewport } = useReactFlow()

  useEffect(() => {
    // A large ruleset fitted whole is too small to read: open on its top (the thresholds and
    // the first rules) at a readable size; the minimap and "Fit" show the whole.
    const frame = requestAnimationFrame(() => {
      const nodes = store.getState().nodes
      if (nodes.length <= 1) {
        // A new ruleset: thresholds in the top right corner, the rest of the canvas free.
        const width = document.querySelector('.canvas-wrap')?.clientWidth ?? 900
        void setViewport({
          x: width - 340 - (nodes[0]?.position.x ?? 0),
          y: 64 - (nodes[0]?.position.y ?? 0),
          zoom: 1,
        })
        return
      }
      const top = Math.min(...nodes.map((node) => node.position.y))
      const firstRoot = nodes.find((node) => node.type === 'rule' || node.type === 'persona')
      const right = firstRoot ? firstRoot.position.x + 300 : Infinity
      const firstScreen = nodes
        .filter((node) => node.position.y < top + 700 && node.position.x <= right)
        .map((node) => ({ id: node.id }))
      void fitView({ padding: 0.08, maxZoom: 1, minZoom: 0.4, nodes: firstScreen })
    })
    return () => cancelAnimationFrame(frame)
  }, [fitKey, fitView, setViewport, store])

  const shown = useMemo(() => hideOtherSide(nodes, edges, filter), [nodes, edges, filter])

  const isValidConnection: IsValidConnection = useCallback(
    (connection) => {
      const state = store.getState()
      return canConnect(
        state.nodes.map(toGraphNode),
        state.edges.map(toGraphEdge),
        connection.source,
        connection.target,
      ).ok
    },
    [store],
  )

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }, [])

  const onDrop = useCallback(
    (event: DragEvent) => {
      const key = event.dataTransfer.getData(PALETTE_MIME)
      const item = paletteItems.get(key)
      if (!item || store.getState().readOnly) return
      event.preventDefault()
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      const state = store.getState()
      state.addNode(
        nodeFromPalette(item, {
          id: newNodeId(),
          position,
          catalog,
          takenIds: takenIds(state.nodes),
          owner,
        }),
      )
    },
    [catalog, owner, paletteItems, screenToFlowPosition, store],
  )

  return (
    <RulesetFlow
      nodes={shown}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      deleteKeyCode={null}
      minZoom={0.1}
      maxZoom={2}
      onlyRenderVisibleElements
    >
      <MiniMap pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} />
    </RulesetFlow>
  )
}

export function takenIds(nodes: readonly FlowNode[]): Set<string> {
  return new Set(
    nodes.flatMap((node) =>
      node.data.kind === 'rule'
        ? [node.data.ruleId]
        : node.data.kind === 'persona'
          ? [node.data.personaId]
          : [],
    ),
  )
}

/** With a side chosen, the other side's rules and personas (and what feeds them) are hidden. */
function hideOtherSide(
  nodes: FlowNode[],
  edges: { source: string; target: string }[],
  filter: 'all' | Owner,
): FlowNode[] {
  if (filter === 'all') return nodes
  const inputs = new Map<string, string[]>()
  for (const edge of edges)
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge.source])
  const hidden = new Set<string>()
  const hide = (id: string) => {
    if (hidden.has(id)) return
    hidden.add(id)
    for (const source of inputs.get(id) ?? []) hide(source)
  }
  for (const node of nodes) {
    const owner =
      node.data.kind === 'rule' || node.data.kind === 'persona' ? node.data.owner : undefined
    if (owner && owner !== filter) hide(node.id)
  }
  return nodes.map((node) => (hidden.has(node.id) ? { ...node, hidden: true } : node))
}
