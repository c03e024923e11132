import { z } from 'zod'
import {
  conditionValueSchema,
  onMissingSchema,
  operatorSchema,
  ownerSchema,
  ruleKindSchema,
  ruleSchema,
  type Ruleset,
} from '../../engine/index.ts'

/**
 * The editor's own graph model: what a ruleset looks like as boxes and wires. It is kept apart
 * from React Flow's view state (selection, measured sizes, dragging) so the mapping to and
 * from the ruleset document stays pure and testable.
 *
 * The schemas are deliberately looser than the ruleset's: a graph in the middle of an edit
 * (a rule id being typed, a value cleared) is still a graph; the engine's validator says what
 * is wrong with it and the mapping pins each message on its node.
 */

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() })
export type Position = z.infer<typeof positionSchema>

const nodeBase = {
  id: z.string().min(1).max(400),
  position: positionSchema,
}

export const conditionNodeSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('condition'),
  fact: z.string().max(200),
  operator: operatorSchema,
  value: conditionValueSchema.optional(),
})
export type ConditionNode = z.infer<typeof conditionNodeSchema>

export const gateTypeSchema = z.enum(['all', 'any', 'not'])
export type GateType = z.infer<typeof gateTypeSchema>

export const gateNodeSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('gate'),
  gate: gateTypeSchema,
})
export type GateNode = z.infer<typeof gateNodeSchema>

export const ruleNodeSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('rule'),
  ruleId: z.string().max(200),
  name: z.string().max(200),
  owner: ownerSchema,
  ruleKind: ruleKindSchema,
  points: z.number().optional(),
  onMissing: onMissingSchema.optional(),
  rationale: z.string().max(2000).optional(),
  enabled: z.boolean().optional(),
  event: ruleSchema.shape.event,
  priority: z.number().optional(),
})
export type RuleNode = z.infer<typeof ruleNodeSchema>

const textList = z.array(z.string().max(2000)).max(100)

export const personaNodeSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('persona'),
  personaId: z.string().max(200),
  name: z.string().max(200),
  owner: ownerSchema.optional(),
  role: z.string().max(2000).optional(),
  responsibilities: textList,
  priorities: textList,
  threats: textList,
  influencers: textList,
  motivations: textList,
  objections: textList,
  triggers: textList,
})
export type PersonaNode = z.infer<typeof personaNodeSchema>

/** The profile fields of a persona, in the order the editor shows them. */
export const personaProfileFields = [
  'responsibilities',
  'priorities',
  'threats',
  'influencers',
  'motivations',
  'objections',
  'triggers',
] as const
export type PersonaProfileField = (typeof personaProfileFields)[number]

export const policyNodeSchema = z.strictObject({
  ...nodeBase,
  kind: z.literal('policy'),
  acceptAt: z.number(),
  nurtureAt: z.number(),
  personaMinMatch: z.number(),
  minSegmentSize: z.number(),
})
export type PolicyNode = z.infer<typeof policyNodeSchema>

export const graphNodeSchema = z.discriminatedUnion('kind', [
  conditionNodeSchema,
  gateNodeSchema,
  ruleNodeSchema,
  personaNodeSchema,
  policyNodeSchema,
])
export type GraphNode = z.infer<typeof graphNodeSchema>
export type NodeKind = GraphNode['kind']

/**
 * A wire from a condition or gate (`source`, the child) into the gate, rule or persona that
 * uses it (`target`, the parent). The order of a parent's members is the order of its edges.
 */
export const graphEdgeSchema = z.strictObject({
  id: z.string().min(1).max(900),
  source: z.string().min(1).max(400),
  target: z.string().min(1).max(400),
})
export type GraphEdge = z.infer<typeof graphEdgeSchema>

/** Everything in a ruleset that is not drawn as a node. */
export type RulesetMeta = Omit<Ruleset, 'rules' | 'personas' | 'policy' | 'layout'> & {
  /** Keys of the stored `layout` the editor does not own, kept so they export back. */
  layoutExtra?: Record<string, unknown>
}

export interface Graph {
  meta: RulesetMeta
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export const graphPartSchema = z.strictObject({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
})

export const isCondition = (node: GraphNode): node is ConditionNode => node.kind === 'condition'
export const isGate = (node: GraphNode): node is GateNode => node.kind === 'gate'
export const isRuleNode = (node: GraphNode): node is RuleNode => node.kind === 'rule'
export const isPersonaNode = (node: GraphNode): node is PersonaNode => node.kind === 'persona'
export const isPolicyNode = (node: GraphNode): node is PolicyNode => node.kind === 'policy'

/** Nodes that take members (conditions or gates) as inputs. */
export const acceptsInputs = (node: GraphNode): node is GateNode | RuleNode | PersonaNode =>
  node.kind === 'gate' || node.kind === 'rule' || node.kind === 'persona'

/** Nodes that feed a parent. */
export const givesOutput = (node: GraphNode): node is ConditionNode | GateNode =>
  node.kind === 'condition' || node.kind === 'gate'
