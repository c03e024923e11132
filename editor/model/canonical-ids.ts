/**
 * Canonical node ids: the id a node gets when a ruleset is drawn, built from the owner's id and
 * the condition's trace path. The engine's trace names a condition by `ruleId` + `path`
 * (`when.all.0`), so a trace entry's canonical id is simply `rule:<ruleId>/<path>`.
 */

export const POLICY_NODE_ID = 'policy'

export type RootKind = 'rule' | 'persona'

/** `rule:min-employees`, `persona:change-director`. */
export const canonicalRootId = (kind: RootKind, id: string): string => `${kind}:${id}`

/** The id of a gate's member: `…/when.all.0`, `…/when.not`. */
export function memberId(parentId: string, gate: 'all' | 'any' | 'not', at = 0): string {
  return gate === 'not' ? `${parentId}.not` : `${parentId}.${gate}.${at}`
}

/**
 * The canonical id of the node a trace entry is about.
 *
 * @example
 * traceNodeId({ ruleId: 'min-employees', path: 'when.all.0' }) // 'rule:min-employees/when.all.0'
 */
export function traceNodeId(entry: { ruleId?: string; personaId?: string; path: string }): string {
  return entry.ruleId !== undefined
    ? `${canonicalRootId('rule', entry.ruleId)}/${entry.path}`
    : `${canonicalRootId('persona', entry.personaId ?? '')}/${entry.path}`
}
