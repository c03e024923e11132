import { operators, validateRuleset, type Ruleset, type RulesetIssue } from '../../engine/index.ts'
import type { Graph } from './graph-schema.ts'
import { graphToRuleset, type GraphIssue, type GraphMapping } from './graph-to-ruleset.ts'

export interface GraphValidation {
  /** True when the graph maps to a ruleset without errors (warnings allowed). */
  ok: boolean
  /** The parsed ruleset (defaults filled in) when `ok`. */
  ruleset?: Ruleset
  /** Every issue, structural ones first. */
  issues: GraphIssue[]
  /** Issues pinned on a node, by node id. */
  byNode: Map<string, GraphIssue[]>
  /** Issues about the ruleset as a whole (its lists, its id), not about one node. */
  general: GraphIssue[]
  mapping: GraphMapping
}

/**
 * Maps the graph to its ruleset and runs the engine's validator on it, then pins every
 * message on the node it is about: the engine says `rules[2].when.all[1].value`, the canvas
 * marks that condition. Where the drawing itself is broken (a rule with nothing wired in),
 * the drawing's message wins over the schema's, which would only say a field is missing.
 *
 * @example
 * const { ok, byNode } = validateGraph(graph)
 * byNode.get('n-42')?.[0]?.message // '"is at least" needs a number'
 */
export function validateGraph(graph: Graph): GraphValidation {
  const mapping = graphToRuleset(graph)
  const result = validateRuleset(mapping.ruleset)
  const brokenNodes = new Set(
    mapping.issues.flatMap((issue) =>
      issue.severity === 'error' && issue.nodeId ? [issue.nodeId] : [],
    ),
  )
  const engineIssues = [...(result.ok ? [] : result.errors), ...result.warnings]
    .map((issue) => pinIssue(issue, mapping.nodeByPath))
    .filter((issue) => !(issue.nodeId && brokenNodes.has(issue.nodeId)))
  const issues = [...mapping.issues, ...engineIssues]
  const byNode = new Map<string, GraphIssue[]>()
  const general: GraphIssue[] = []
  for (const issue of issues) {
    if (!issue.nodeId) {
      general.push(issue)
      continue
    }
    const list = byNode.get(issue.nodeId)
    if (list) list.push(issue)
    else byNode.set(issue.nodeId, [issue])
  }
  const ok = result.ok && !issues.some((issue) => issue.severity === 'error')
  return {
    ok,
    ...(ok && result.ok && { ruleset: result.ruleset }),
    issues,
    byNode,
    general,
    mapping,
  }
}

/**
 * The node a document path is about: the longest drawn prefix of the path.
 *
 * @example
 * nodeForPath('rules[2].when.all[1].value', mapping.nodeByPath) // the condition's node id
 */
export function nodeForPath(
  path: string,
  nodeByPath: ReadonlyMap<string, string>,
): string | undefined {
  let at = path
  while (at !== '') {
    const found = nodeByPath.get(at)
    if (found) return found
    const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['))
    if (cut <= 0) return undefined
    at = at.slice(0, cut)
  }
  return undefined
}

function pinIssue(issue: RulesetIssue, nodeByPath: ReadonlyMap<string, string>): GraphIssue {
  const nodeId = nodeForPath(issue.path, nodeByPath)
  return {
    ...(nodeId && { nodeId }),
    severity: issue.severity,
    code: issue.code,
    message: inWords(issue),
    path: issue.path,
  }
}

const fieldNames: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  points: 'Points',
  value: 'Value',
  fact: 'Field',
  operator: 'Comparison',
  rationale: 'Rationale',
  acceptAt: 'Accept at',
  nurtureAt: 'Nurture at',
  personaMinMatch: 'Persona match',
  minSegmentSize: 'Smallest segment',
  role: 'Role',
}

/**
 * The engine's messages name operators as the document spells them (`"greaterThanInclusive"`)
 * and zod's generic ones say "Too small: expected string to have >=1 characters". The canvas
 * speaks to marketing and sales, so both are put into the words the editor shows.
 *
 * @example
 * inWords({ path: 'rules[0].when.value', code: 'value_shape', message: '"greaterThanInclusive" needs a number' })
 * // '"is at least" needs a number'
 */
export function inWords(issue: Pick<RulesetIssue, 'path' | 'message' | 'code'>): string {
  let message = issue.message.replace(/"(\w+)"/g, (quoted, name: string) => {
    const spec = operators.get(name as never)
    return spec ? `"${spec.label}"` : quoted
  })
  message = message
    .replace(/\bacceptAt\b/g, 'the accept score')
    .replace(/\bnurtureAt\b/g, 'the nurture score')
  // The engine's own checks already speak in words; only zod's generic messages need help.
  if (issue.code !== 'schema') return capitalise(message)
  const field = /\.?(\w+)(\[\d+\])?$/.exec(issue.path)?.[1] ?? ''
  const label = fieldNames[field]
  const generic = [
    [/^Too small: expected string to have >=1 characters?$/, 'cannot be empty'],
    [/^Too small: expected number to be >=(.+)$/, 'must be at least $1'],
    [/^Too big: expected number to be <=(.+)$/, 'must be at most $1'],
    [/^Too big: expected string to have <=(\d+) characters?$/, 'is longer than $1 characters'],
    [/^Invalid input: expected int, received number$/, 'must be a whole number'],
    [/^Invalid input: expected \w+, received undefined$/, 'is missing'],
    [/^Invalid input$/, 'has a value of the wrong kind'],
  ] as const
  for (const [pattern, replacement] of generic) {
    if (pattern.test(message)) {
      message = message.replace(pattern, replacement)
      return label ? `${label} ${message}` : capitalise(message)
    }
  }
  const named = label && !message.toLowerCase().includes(label.toLowerCase())
  return named ? `${label}: ${message}` : capitalise(message)
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
