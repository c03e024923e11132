import { z } from 'zod'
import { graphPartSchema, type GraphEdge, type GraphNode, type Position } from './graph-schema.ts'

/**
 * What the editor keeps in a ruleset's `layout` (which never affects decisions):
 * - `positions`: where each node sits, keyed by its canonical id (`rule:min-employees/when.all.0`);
 * - `detached`: conditions and gates not yet wired to a rule or persona, so work in progress
 *   survives a save and a reload.
 * Other keys (written by some other tool) are kept as they are.
 */
export interface StoredLayout {
  positions: Map<string, Position>
  detached: { nodes: GraphNode[]; edges: GraphEdge[] }
  extra: Record<string, unknown>
}

const positionPair = z.tuple([z.number(), z.number()])

/**
 * Reads a ruleset's `layout`; anything unreadable counts as absent, never as an error.
 *
 * @example
 * readLayout({ positions: { policy: [0, 0] } }).positions.get('policy') // { x: 0, y: 0 }
 */
export function readLayout(layout: Record<string, unknown> | undefined): StoredLayout {
  const { positions, detached, ...extra } = layout ?? {}
  const result: StoredLayout = {
    positions: new Map(),
    detached: { nodes: [], edges: [] },
    extra,
  }
  if (positions !== null && typeof positions === 'object' && !Array.isArray(positions)) {
    for (const [id, pair] of Object.entries(positions)) {
      const parsed = positionPair.safeParse(pair)
      if (parsed.success) result.positions.set(id, { x: parsed.data[0], y: parsed.data[1] })
    }
  }
  const part = graphPartSchema.safeParse(detached)
  if (part.success) result.detached = part.data
  return result
}

/**
 * Builds the `layout` value. Positions are rounded to whole pixels: nobody sees a fraction,
 * and the stored document stays readable and diff-friendly.
 *
 * @example
 * writeLayout([['policy', { x: 0.4, y: 10 }]], { nodes: [], edges: [] }, undefined)
 * // { positions: { policy: [0, 10] } }
 */
export function writeLayout(
  positions: Iterable<[string, Position]>,
  detached: { nodes: GraphNode[]; edges: GraphEdge[] },
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const written: Record<string, [number, number]> = {}
  for (const [id, position] of positions) {
    written[id] = [Math.round(position.x), Math.round(position.y)]
  }
  const layout: Record<string, unknown> = { ...extra, positions: written }
  if (detached.nodes.length > 0) layout.detached = detached
  return layout
}
