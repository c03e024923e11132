import { jreOperatorNames, operatorNames, type OperatorName } from '../operators.ts'
import { isAll, isAny, isListRef, isNot, type Condition } from '../schema/condition.ts'
import type { Rule, Ruleset } from '../schema/ruleset.ts'
import { toJsonPath } from './json-path.ts'
import type {
  JreCondition,
  JreDocument,
  JreLeadgateParams,
  JreLeafCondition,
  JreRule,
  JreTopLevelCondition,
} from './types.ts'

export interface JreExport extends JreDocument {
  customOperators: string[]
  /** Disabled rules: JRE has no such state, and exporting them would make them run. */
  skippedRules: string[]
}

const builtIn: ReadonlySet<string> = new Set(jreOperatorNames)

/**
 * Writes a ruleset's rules as json-rules-engine rules. Dotted facts become a fact and a
 * JSONPath (`company.employees` → `{ fact: 'company', path: '$.employees' }`), list
 * references are written out in full, and every event carries the rule's id, kind, owner
 * and points so a JRE run can be turned back into a decision. Operators JRE lacks are
 * written by name and listed in `customOperators`: register them before running.
 *
 * @example
 * const { rules, customOperators } = exportJre(ruleset)
 * const engine = new Engine(rules) // from json-rules-engine
 * // customOperators: e.g. ['titleHasAny'], each needs engine.addOperator(name, test)
 */
export function exportJre(ruleset: Ruleset): JreExport {
  const used = new Set<OperatorName>()
  const rules: JreRule[] = []
  const skippedRules: string[] = []
  for (const rule of ruleset.rules) {
    if (rule.enabled === false) {
      skippedRules.push(rule.id)
      continue
    }
    rules.push(exportRule(rule, ruleset, used))
  }
  const customOperators = operatorNames.filter((name) => used.has(name) && !builtIn.has(name))
  return { rules, customOperators, skippedRules }
}

function exportRule(rule: Rule, ruleset: Ruleset, used: Set<OperatorName>): JreRule {
  const root = exportCondition(rule.when, ruleset, used)
  const params: Record<string, unknown> & JreLeadgateParams = {
    ...rule.event?.params,
    ruleId: rule.id,
    kind: rule.kind,
    owner: rule.owner,
  }
  if (rule.points !== undefined) params.points = rule.points
  if (rule.onMissing !== undefined) params.onMissing = rule.onMissing
  if (rule.rationale !== undefined) params.rationale = rule.rationale
  const exported: JreRule = {
    name: rule.name,
    // JRE wants a group at the root; the note lets an import give the single leaf back.
    conditions:
      'fact' in rule.when
        ? { all: [root], leadgate: { wrapper: true } }
        : (root as JreTopLevelCondition),
    event: { type: rule.event?.type ?? rule.id, params },
  }
  if (rule.priority !== undefined) exported.priority = rule.priority
  return exported
}

function exportCondition(
  condition: Condition,
  ruleset: Ruleset,
  used: Set<OperatorName>,
): JreCondition {
  if (isAll(condition)) return { all: condition.all.map((c) => exportCondition(c, ruleset, used)) }
  if (isAny(condition)) return { any: condition.any.map((c) => exportCondition(c, ruleset, used)) }
  if (isNot(condition)) return { not: exportCondition(condition.not, ruleset, used) }
  used.add(condition.operator)
  const [fact, ...below] = condition.fact.split('.') as [string, ...string[]]
  const leaf = { fact } as JreLeafCondition
  if (below.length > 0) leaf.path = toJsonPath(below)
  leaf.operator = condition.operator
  const value = condition.value
  if (condition.operator === 'exists') {
    // JRE refuses a condition without a value; `exists` ignores it.
    leaf.value = true
  } else if (isListRef(value)) {
    leaf.value = [...(ruleset.lists[value.list] ?? [])]
    leaf.leadgate = { list: value.list }
  } else {
    leaf.value = Array.isArray(value) ? [...value] : value
  }
  return leaf
}
