import type { Condition, Persona, Policy, Rule, Ruleset } from '../../engine/index.ts'
import { canonicalRootId, memberId, POLICY_NODE_ID } from './canonical-ids.ts'
import {
  acceptsInputs,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type PersonaNode,
  type Position,
  type RuleNode,
} from './graph-schema.ts'
import { omit } from './omit.ts'
import { writeLayout } from './stored-layout.ts'

export interface GraphIssue {
  /** The node the issue is about; absent for issues about the ruleset as a whole. */
  nodeId?: string
  severity: 'error' | 'warning'
  code: string
  message: string
  /** The document path the engine reported, when the issue came from the engine. */
  path?: string
}

export interface GraphMapping {
  /**
   * The ruleset as drawn. Only a graph without structural errors gives a complete document
   * (a rule with nothing wired into it has no `when`); `validateGraph` is the gate.
   */
  ruleset: Ruleset
  /** Problems in the drawing itself: unwired rules, empty gates, loops. */
  issues: GraphIssue[]
  /** Document path of every drawn element (`rules[2].when.all[1]`) → its node id. */
  nodeByPath: Map<string, string>
  /** Canonical id (what traces and the stored layout use) → node id. */
  nodeByCanonical: Map<string, string>
}

/**
 * Turns a graph back into the ruleset document. The inverse of `rulesetToGraph`: for any
 * ruleset, `graphToRuleset(rulesetToGraph(r)).ruleset` is `r` again (plus its layout).
 *
 * Rules and personas keep the order of their nodes, a gate's members the order of their
 * edges. Positions are stored under canonical ids; conditions not wired to anything are kept
 * in the layout so unfinished work survives a save.
 *
 * @example
 * const { ruleset, issues } = graphToRuleset(graph)
 * if (issues.some((issue) => issue.severity === 'error')) showOnCanvas(issues)
 */
export function graphToRuleset(graph: Graph): GraphMapping {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]))
  const issues: GraphIssue[] = []
  const nodeByPath = new Map<string, string>()
  const nodeByCanonical = new Map<string, string>()
  const positions: [string, Position][] = []
  const issue = (nodeId: string, code: string, message: string, severity: 'error' | 'warning') =>
    issues.push({ nodeId, code, message, severity })

  const inputs = new Map<string, GraphEdge[]>()
  const keptEdges: GraphEdge[] = []
  for (const edge of graph.edges) {
    const source = byId.get(edge.source)
    const target = byId.get(edge.target)
    if (!source || !target) continue
    if (!acceptsInputs(target) || source.kind === 'rule' || source.kind === 'persona') {
      issue(edge.source, 'bad_wire', `${kindName(source)} cannot feed ${kindName(target)}`, 'error')
      continue
    }
    if (source.kind === 'policy') continue
    keptEdges.push(edge)
    const list = inputs.get(edge.target)
    if (list) list.push(edge)
    else inputs.set(edge.target, [edge])
  }

  const reached = new Set<string>()
  const onPath = new Set<string>()
  const place = (canonical: string, node: GraphNode) => {
    nodeByCanonical.set(canonical, node.id)
    positions.push([canonical, node.position])
  }

  const buildMember = (nodeId: string, path: string, canonical: string): Condition | undefined => {
    const node = byId.get(nodeId)!
    if (onPath.has(nodeId)) {
      issue(nodeId, 'loop', 'This is wired in a loop; a condition cannot feed itself', 'error')
      return undefined
    }
    if (reached.has(nodeId)) {
      issue(
        nodeId,
        'two_parents',
        'This is wired into two places; copy it instead so each use can change on its own',
        'error',
      )
    }
    reached.add(nodeId)
    nodeByPath.set(path, nodeId)
    place(canonical, node)
    if (node.kind === 'condition') {
      const leaf: Condition = { fact: node.fact, operator: node.operator }
      if (node.value !== undefined) leaf.value = node.value
      return leaf
    }
    if (node.kind !== 'gate') return undefined
    onPath.add(nodeId)
    const members = (inputs.get(nodeId) ?? []).map((edge, at) =>
      node.gate === 'not'
        ? buildMember(edge.source, `${path}.not`, memberId(canonical, 'not'))
        : buildMember(
            edge.source,
            `${path}.${node.gate}[${at}]`,
            memberId(canonical, node.gate, at),
          ),
    )
    onPath.delete(nodeId)
    const present = members.filter((member): member is Condition => member !== undefined)
    if (node.gate === 'not') {
      if (members.length === 0) {
        issue(nodeId, 'empty_gate', 'Wire one condition into this NOT gate', 'error')
        return { not: { all: [] } }
      }
      if (members.length > 1) {
        issue(
          nodeId,
          'not_many',
          `NOT takes one input but ${members.length} are wired in; group them in an ALL or ANY gate first`,
          'error',
        )
      }
      return { not: present[0] ?? { all: [] } }
    }
    if (members.length === 0) {
      issue(
        nodeId,
        'empty_gate',
        `Wire at least one condition into this ${node.gate === 'all' ? 'ALL' : 'ANY'} gate`,
        'error',
      )
    }
    return node.gate === 'all' ? { all: present } : { any: present }
  }

  const buildRoot = (
    node: RuleNode | PersonaNode,
    path: string,
    canonical: string,
    key: 'when' | 'match',
  ): Condition | undefined => {
    nodeByPath.set(path, node.id)
    place(canonical, node)
    const wired = inputs.get(node.id) ?? []
    const what = node.kind === 'rule' ? 'rule' : 'persona'
    if (wired.length === 0) {
      issue(
        node.id,
        'unwired',
        `Wire a condition or a gate into this ${what}; it has nothing to check yet`,
        'error',
      )
      return undefined
    }
    if (wired.length > 1) {
      issue(
        node.id,
        'many_inputs',
        `A ${what} takes one input but ${wired.length} are wired in; group them in an ALL or ANY gate`,
        'error',
      )
    }
    return buildMember(wired[0]!.source, `${path}.${key}`, `${canonical}/${key}`)
  }

  const rules: Rule[] = []
  const personas: Persona[] = []
  let policy: Policy | undefined
  for (const node of graph.nodes) {
    if (node.kind === 'rule') {
      const { ruleId, ruleKind, ...rest } = omit(node, ['id', 'kind', 'position'])
      const path = `rules[${rules.length}]`
      const when = buildRoot(node, path, canonicalRootId('rule', ruleId), 'when')
      rules.push(definedOnly({ id: ruleId, kind: ruleKind, ...rest, when }) as Rule)
    } else if (node.kind === 'persona') {
      const { personaId, ...rest } = omit(node, ['id', 'kind', 'position'])
      const path = `personas[${personas.length}]`
      const match = buildRoot(node, path, canonicalRootId('persona', personaId), 'match')
      personas.push(definedOnly({ id: personaId, ...rest, match }) as Persona)
    } else if (node.kind === 'policy') {
      const thresholds = omit(node, ['id', 'kind', 'position'])
      if (policy) {
        issue(
          node.id,
          'two_policies',
          'A ruleset has one set of thresholds; delete this one',
          'error',
        )
        continue
      }
      policy = thresholds
      nodeByPath.set('policy', node.id)
      place(POLICY_NODE_ID, node)
    }
  }

  const detachedNodes = graph.nodes.filter(
    (node) => (node.kind === 'condition' || node.kind === 'gate') && !reached.has(node.id),
  )
  const detachedIds = new Set(detachedNodes.map((node) => node.id))
  for (const node of detachedNodes) {
    issue(node.id, 'detached', 'Not wired to a rule or persona, so it has no effect yet', 'warning')
  }

  const { layoutExtra, ...meta } = graph.meta
  const ruleset = {
    ...meta,
    ...(policy && { policy }),
    rules,
    personas,
    layout: writeLayout(
      positions,
      {
        nodes: detachedNodes,
        edges: keptEdges.filter((edge) => detachedIds.has(edge.source)),
      },
      layoutExtra,
    ),
  } as Ruleset
  return { ruleset, issues, nodeByPath, nodeByCanonical }
}

/** Drops keys whose value is undefined: the document says nothing rather than `undefined`. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function kindName(node: GraphNode): string {
  switch (node.kind) {
    case 'condition':
      return 'a condition'
    case 'gate':
      return `the ${node.gate.toUpperCase()} gate`
    case 'rule':
      return 'a rule'
    case 'persona':
      return 'a persona'
    case 'policy':
      return 'the thresholds'
  }
}
