import type { RuleResult } from '../../engine/index.ts'
import { canonicalRootId } from '../model/index.ts'

/**
 * The nodes a reader of a rejected or nurtured decision looks at first: each rule that
 * rejected or nurtured the lead and everything wired into it (its gates and conditions).
 * An accepted lead has none; the whole graph is the answer then.
 *
 * @example
 * focusNodes(decision.rules, graph.edges) // ['rule:min-employees', 'rule:min-employees/when', 'rule:min-employees/when.all.0']
 */
export function focusNodes(
  rules: readonly Pick<RuleResult, 'ruleId' | 'effect'>[],
  edges: readonly { source: string; target: string }[],
): string[] {
  const inputs = new Map<string, string[]>()
  for (const edge of edges)
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge.source])
  const found = new Set<string>()
  const visit = (id: string) => {
    if (found.has(id)) return
    found.add(id)
    for (const source of inputs.get(id) ?? []) visit(source)
  }
  for (const rule of rules) {
    if (rule.effect === 'rejected' || rule.effect === 'nurture') {
      visit(canonicalRootId('rule', rule.ruleId))
    }
  }
  return [...found]
}
