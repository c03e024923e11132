import type { NodeTypes } from '@xyflow/react'
import { ConditionNode } from './nodes/condition-node.tsx'
import { GateNode } from './nodes/gate-node.tsx'
import { PersonaNode } from './nodes/persona-node.tsx'
import { PolicyNode } from './nodes/policy-node.tsx'
import { RuleNode } from './nodes/rule-node.tsx'

/** Defined once at module level: React Flow remounts every node if this object changes. */
export const nodeTypes: NodeTypes = {
  condition: ConditionNode,
  gate: GateNode,
  rule: RuleNode,
  persona: PersonaNode,
  policy: PolicyNode,
}
