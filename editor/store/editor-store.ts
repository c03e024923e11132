import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react'
import { createStore } from 'zustand/vanilla'
import type { Owner } from '../../engine/index.ts'
import {
  canConnect,
  edgeId,
  validateGraph,
  type Graph,
  type GraphNode,
  type GraphValidation,
  type RulesetMeta,
  type TraceMark,
} from '../model/index.ts'
import {
  toFlowEdge,
  toFlowNode,
  toGraphEdge,
  toGraphNode,
  type FlowEdge,
  type FlowNode,
  type NodeData,
} from './flow-elements.ts'
import { pastePlan, type Clipboard } from './clipboard.ts'
import { record, type History, type Snapshot } from './history.ts'

export type Highlight = 'added' | 'removed' | 'changed'
export type OwnerFilter = 'all' | Owner

export interface EditorState {
  meta: RulesetMeta | null
  nodes: FlowNode[]
  edges: FlowEdge[]
  history: History
  readOnly: boolean
  /** Changed since the last load or save. */
  dirty: boolean
  validation: GraphValidation | null
  marks: ReadonlyMap<string, TraceMark>
  highlights: ReadonlyMap<string, Highlight>
  ownerFilter: OwnerFilter
  clipboard: Clipboard | null
  /** Why the last wire was refused, shown briefly on the canvas. */
  notice: string | null

  load(graph: Graph, options?: { readOnly?: boolean; highlights?: Map<string, Highlight> }): void
  onNodesChange(changes: NodeChange<FlowNode>[]): void
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void
  connect(connection: Connection): void
  addNode(node: GraphNode): void
  updateNode(id: string, patch: Partial<NodeData>, field?: string): void
  updateMeta(patch: Partial<RulesetMeta>): void
  deleteSelection(): void
  undo(): void
  redo(): void
  copySelection(): void
  paste(newId: () => string): void
  setMarks(marks: ReadonlyMap<string, TraceMark>): void
  setOwnerFilter(filter: OwnerFilter): void
  markSaved(meta?: RulesetMeta): void
  clearNotice(): void
  graph(): Graph
}

const emptyHistory: History = { past: [], future: [], lastKey: null, lastAt: 0 }

/**
 * The editor's one store: the canvas (React Flow's nodes and edges), the ruleset fields that
 * are not drawn, undo history, validation and test marks. Each canvas gets its own instance
 * (the editor one, and one per side of a version comparison).
 */
export function createEditorStore() {
  return createStore<EditorState>()((set, get) => {
    const snapshot = (): Snapshot => {
      const { meta, nodes, edges } = get()
      return { meta, nodes, edges }
    }
    /** Applies a document change: records undo, re-validates, marks the draft dirty. */
    const commit = (next: Partial<Snapshot>, key?: string) => {
      const state = get()
      if (state.readOnly) return
      const history = record(state.history, snapshot(), key)
      const merged = { ...snapshot(), ...next }
      set({
        ...next,
        history,
        dirty: true,
        validation: validate(merged),
        marks: new Map(),
      })
    }
    let dragStart: Snapshot | null = null

    return {
      meta: null,
      nodes: [],
      edges: [],
      history: emptyHistory,
      readOnly: false,
      dirty: false,
      validation: null,
      marks: new Map(),
      highlights: new Map(),
      ownerFilter: 'all',
      clipboard: null,
      notice: null,

      load(graph, options = {}) {
        const nodes = graph.nodes.map(toFlowNode)
        const edges = graph.edges.map(toFlowEdge)
        set({
          meta: graph.meta,
          nodes,
          edges,
          history: emptyHistory,
          readOnly: options.readOnly ?? false,
          dirty: false,
          validation: validate({ meta: graph.meta, nodes, edges }),
          marks: new Map(),
          highlights: options.highlights ?? new Map(),
          notice: null,
        })
      },

      onNodesChange(changes) {
        const state = get()
        const allowed = state.readOnly
          ? changes.filter((change) => change.type === 'select' || change.type === 'dimensions')
          : changes
        const removes = allowed.some((change) => change.type === 'remove')
        const moves = allowed.filter((change) => change.type === 'position')
        const nodes = applyNodeChanges(allowed, state.nodes)
        if (removes) {
          const gone = new Set(allowed.flatMap((c) => (c.type === 'remove' ? [c.id] : [])))
          const edges = state.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target))
          commit({ nodes, edges })
          return
        }
        if (moves.length > 0) {
          const dragging = moves.some((change) => change.type === 'position' && change.dragging)
          if (dragging && !dragStart) dragStart = snapshot()
          if (!dragging && dragStart) {
            // One undo step per drag, taken from where the drag began.
            set({ history: record(state.history, dragStart), dirty: true })
            dragStart = null
          }
        }
        set({ nodes })
      },

      onEdgesChange(changes) {
        const state = get()
        const allowed = state.readOnly ? changes.filter((c) => c.type === 'select') : changes
        const edges = applyEdgeChanges(allowed, state.edges)
        if (allowed.some((change) => change.type === 'remove')) commit({ edges })
        else set({ edges })
      },

      connect(connection) {
        const state = get()
        if (state.readOnly) return
        const graph = state.graph()
        const check = canConnect(graph.nodes, graph.edges, connection.source, connection.target)
        if (!check.ok) {
          set({ notice: check.reason })
          return
        }
        const edge: FlowEdge = {
          id: edgeId(connection.source, connection.target),
          source: connection.source,
          target: connection.target,
        }
        commit({ edges: addEdge(edge, state.edges) })
      },

      addNode(node) {
        const flow = { ...toFlowNode(node), selected: true }
        const nodes = get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n))
        commit({ nodes: [...nodes, flow] })
      },

      updateNode(id, patch, field) {
        const nodes = get().nodes.map((node) => {
          if (node.id !== id) return node
          const data = { ...node.data, ...patch } as Record<string, unknown>
          for (const key of Object.keys(patch)) if (data[key] === undefined) delete data[key]
          return { ...node, data: data as NodeData }
        })
        // Typing into one field is one undo step, not one per keystroke.
        commit({ nodes }, field ? `${id}:${field}` : undefined)
      },

      updateMeta(patch) {
        const meta = get().meta
        if (meta) commit({ meta: { ...meta, ...patch } }, `meta:${Object.keys(patch).join(',')}`)
      },

      deleteSelection() {
        const state = get()
        const gone = new Set(
          state.nodes.filter((n) => n.selected && n.type !== 'policy').map((n) => n.id),
        )
        const edges = state.edges.filter(
          (e) => !e.selected && !gone.has(e.source) && !gone.has(e.target),
        )
        if (gone.size === 0 && edges.length === state.edges.length) return
        commit({ nodes: state.nodes.filter((n) => !gone.has(n.id)), edges })
      },

      undo() {
        const state = get()
        const previous = state.history.past.at(-1)
        if (!previous || state.readOnly) return
        set({
          ...previous,
          history: {
            past: state.history.past.slice(0, -1),
            future: [snapshot(), ...state.history.future],
            lastKey: null,
            lastAt: 0,
          },
          dirty: true,
          validation: validate(previous),
          marks: new Map(),
        })
      },

      redo() {
        const state = get()
        const next = state.history.future[0]
        if (!next || state.readOnly) return
        set({
          ...next,
          history: {
            past: [...state.history.past, snapshot()],
            future: state.history.future.slice(1),
            lastKey: null,
            lastAt: 0,
          },
          dirty: true,
          validation: validate(next),
          marks: new Map(),
        })
      },

      copySelection() {
        const { nodes, edges } = get()
        const chosen = nodes.filter((n) => n.selected && n.type !== 'policy')
        if (chosen.length === 0) return
        const ids = new Set(chosen.map((n) => n.id))
        set({
          clipboard: {
            nodes: chosen.map(toGraphNode),
            edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(toGraphEdge),
          },
        })
      },

      paste(newId) {
        const state = get()
        if (!state.clipboard || state.readOnly) return
        const plan = pastePlan(state.clipboard, state.graph(), newId)
        const nodes = state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n))
        commit({
          nodes: [...nodes, ...plan.nodes.map((node) => ({ ...toFlowNode(node), selected: true }))],
          edges: [...state.edges, ...plan.edges.map(toFlowEdge)],
        })
      },

      setMarks(marks) {
        set({ marks })
      },

      setOwnerFilter(ownerFilter) {
        set({ ownerFilter })
      },

      markSaved(meta) {
        set({ dirty: false, ...(meta && { meta }) })
      },

      clearNotice() {
        set({ notice: null })
      },

      graph() {
        const { meta, nodes, edges } = get()
        return { meta: meta!, nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge) }
      },
    }
  })
}

export type EditorStore = ReturnType<typeof createEditorStore>

function validate(snapshot: Snapshot): GraphValidation | null {
  if (!snapshot.meta) return null
  return validateGraph({
    meta: snapshot.meta,
    nodes: snapshot.nodes.map(toGraphNode),
    edges: snapshot.edges.map(toGraphEdge),
  })
}
