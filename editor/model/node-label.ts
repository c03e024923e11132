import type { FieldSpec } from '../../engine/index.ts'
import type { GraphNode } from './graph-schema.ts'

/**
 * A short name for a node in lists of problems and changes: the field of a condition, the
 * name of a rule or persona.
 *
 * @example
 * nodeLabel(employeesCondition, catalog) // 'Employees'
 */
export function nodeLabel(node: GraphNode, catalog: ReadonlyMap<string, FieldSpec>): string {
  switch (node.kind) {
    case 'condition':
      return catalog.get(node.fact)?.label ?? node.fact
    case 'gate':
      return `${node.gate.toUpperCase()} gate`
    case 'rule':
      return `Rule “${node.name || node.ruleId}”`
    case 'persona':
      return `Persona “${node.name || node.personaId}”`
    case 'policy':
      return 'Thresholds'
  }
}
