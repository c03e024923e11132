import type { RulesetMeta } from '../model/index.ts'
import type { FlowEdge, FlowNode } from './flow-elements.ts'

export interface Snapshot {
  meta: RulesetMeta | null
  nodes: FlowNode[]
  edges: FlowEdge[]
}

export interface History {
  past: Snapshot[]
  future: Snapshot[]
  /** The field last edited, so a burst of typing in it becomes one undo step. */
  lastKey: string | null
  lastAt: number
}

const LIMIT = 200
const COALESCE_MS = 1000

/**
 * Records the state before a change. Snapshots share every unchanged node object with their
 * neighbours, so a long history of a large ruleset costs little memory.
 */
export function record(
  history: History,
  before: Snapshot,
  key?: string,
  now = Date.now(),
): History {
  if (key !== undefined && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now }
  }
  return {
    past: [...history.past.slice(-(LIMIT - 1)), before],
    future: [],
    lastKey: key ?? null,
    lastAt: now,
  }
}
