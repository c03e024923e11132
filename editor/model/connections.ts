import { acceptsInputs, givesOutput, type GraphEdge, type GraphNode } from './graph-schema.ts'

export type ConnectionCheck = { ok: true } | { ok: false; reason: string }

/**
 * Whether a wire from `sourceId` (a condition or gate) into `targetId` (a gate, rule or
 * persona) makes sense. Checked while the user drags, so a wrong wire is never drawn:
 * each condition feeds one place, rules, personas and NOT take one input, no loops.
 *
 * @example
 * canConnect(nodes, edges, 'n-1', 'rule:min-employees') // { ok: true }
 */
export function canConnect(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  sourceId: string,
  targetId: string,
): ConnectionCheck {
  const source = nodes.find((node) => node.id === sourceId)
  const target = nodes.find((node) => node.id === targetId)
  if (!source || !target) return { ok: false, reason: 'That node no longer exists' }
  if (sourceId === targetId) return { ok: false, reason: 'A node cannot feed itself' }
  if (!givesOutput(source))
    return { ok: false, reason: 'Only conditions and gates can be wired in' }
  if (!acceptsInputs(target)) {
    return { ok: false, reason: 'Wire into a gate, a rule or a persona' }
  }
  if (edges.some((edge) => edge.source === sourceId)) {
    return { ok: false, reason: 'This is already wired; each condition feeds one place' }
  }
  const singleInput = target.kind !== 'gate' || target.gate === 'not'
  if (singleInput && edges.some((edge) => edge.target === targetId)) {
    return {
      ok: false,
      reason:
        target.kind === 'gate'
          ? 'NOT takes one input'
          : `A ${target.kind} takes one input; wire several through an ALL or ANY gate`,
    }
  }
  if (feeds(edges, targetId, sourceId)) {
    return { ok: false, reason: 'That wire would make a loop' }
  }
  return { ok: true }
}

/** True when `from` already flows, directly or through gates, into `to`. */
function feeds(edges: readonly GraphEdge[], from: string, to: string): boolean {
  const parents = new Map<string, string[]>()
  for (const edge of edges) {
    const list = parents.get(edge.source)
    if (list) list.push(edge.target)
    else parents.set(edge.source, [edge.target])
  }
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (id === to) return true
    if (seen.has(id)) continue
    seen.add(id)
    stack.push(...(parents.get(id) ?? []))
  }
  return false
}
