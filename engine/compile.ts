import { leafWording, type LeafWording } from './condition-wording.ts'
import {
  describeFailure,
  describeMatch,
  describeUnknown,
  ownerNote,
  policyText,
} from './explain.ts'
import { catalogFor, catalogReader, hasFieldType, type FieldSpec } from './field-catalog.ts'
import { isMissing } from './fact-path.ts'
import { prepareTest, type OperatorName } from './operators.ts'
import { scorePersonas } from './personas.ts'
import {
  isAll,
  isAny,
  isListRef,
  isNot,
  type Condition,
  type ConditionValue,
} from './schema/condition.ts'
import type { Decision, Effect, Reason, Result, RuleResult, TraceEntry } from './schema/decision.ts'
import type { Lead, Outcome } from './schema/lead.ts'
import type { OnMissing, Rule, Ruleset } from './schema/ruleset.ts'

/** Result codes used on the hot path; `results` arrays hold one per condition node. */
export const FAIL = 0
export const PASS = 1
export const UNKNOWN = 2
export type ResultCode = typeof FAIL | typeof PASS | typeof UNKNOWN

export const resultNames: readonly Result[] = ['fail', 'pass', 'unknown']

/** One condition (leaf or gate) of a rule or persona, numbered across the whole ruleset. */
export interface ConditionNode {
  index: number
  ruleId?: string
  personaId?: string
  /** Address inside the rule or persona: "when.all.0", "match.any.2". */
  path: string
  gate?: 'all' | 'any' | 'not'
  children: number[]
  fact?: string
  operator?: OperatorName
  /** The value as written in the ruleset (a list reference stays a reference). */
  value?: ConditionValue
  slot: number
  wording?: LeafWording
}

export type TraceMode = 'full' | 'failing' | 'none'

export interface EvaluateOptions {
  trace?: TraceMode
  now?: Date
}

/** The raw result of one evaluation: enough to decide, explain and trace. */
export interface Evaluation {
  lead: Lead
  facts: readonly unknown[]
  results: Uint8Array
  ruleCodes: Uint8Array
  outcome: Outcome
  score: number
}

export interface CompiledRuleset {
  readonly ruleset: Ruleset
  readonly nodes: readonly ConditionNode[]
  /** Rule index → the node index of its `when`. */
  readonly ruleRoots: readonly number[]
  /** Evaluates a lead and answers the full decision with reasons, personas and trace. */
  evaluate(lead: Lead, options?: EvaluateOptions): Decision
  /** Evaluates without building the decision: for bulk runs that need outcome and score. */
  run(lead: Lead): Evaluation
  /** Builds the decision for an evaluation made by `run`. */
  explain(evaluation: Evaluation, options?: EvaluateOptions): Decision
}

/** Stands for an absent fact in the per-lead fact table. */
const MISSING: unknown = Symbol('missing')

type NodeFn = (facts: readonly unknown[], results: Uint8Array) => ResultCode

interface Slot {
  path: string
  read: (lead: unknown) => unknown
  type?: FieldSpec['type']
}

const defaultOnMissing: Record<Rule['kind'], OnMissing> = {
  require: 'nurture',
  disqualify: 'pass',
  score: 'pass',
}

/**
 * Compiles a validated ruleset into an evaluator made of closures, once per version.
 * Conditions are numbered so a decision's results fit in one byte array; every condition is
 * evaluated (no short-circuit) so the trace can show all reasons, not only the first.
 *
 * @example
 * const compiled = compileRuleset(parseRuleset(json))
 * compiled.evaluate({ id: 'L1', company: { employees: 12 } }).outcome // 'rejected'
 */
export function compileRuleset(ruleset: Ruleset): CompiledRuleset {
  const catalog = catalogFor(ruleset)
  const nodes: ConditionNode[] = []
  const nodeFns: NodeFn[] = []
  const slots: Slot[] = []
  const slotByPath = new Map<string, number>()

  const slotFor = (path: string): number => {
    const known = slotByPath.get(path)
    if (known !== undefined) return known
    const slot = slots.length
    slots.push({ path, read: catalogReader(path, catalog), type: catalog.get(path)?.type })
    slotByPath.set(path, slot)
    return slot
  }

  const resolveValue = (value: ConditionValue | undefined): unknown =>
    isListRef(value) ? (ruleset.lists[value.list] ?? []) : value

  const compileNode = (
    condition: Condition,
    path: string,
    owner: Pick<ConditionNode, 'ruleId' | 'personaId'>,
  ): NodeFn => {
    const index = nodes.length
    const node: ConditionNode = { index, ...owner, path, children: [], slot: -1 }
    nodes.push(node)
    let fn: NodeFn
    if (isAll(condition) || isAny(condition)) {
      const gate = isAll(condition) ? 'all' : 'any'
      const members = isAll(condition) ? condition.all : condition.any
      node.gate = gate
      const childFns = members.map((child, at) => {
        node.children.push(nodes.length)
        return compileNode(child, `${path}.${gate}.${at}`, owner)
      })
      fn = gate === 'all' ? allOf(index, childFns) : anyOf(index, childFns)
    } else if (isNot(condition)) {
      node.gate = 'not'
      node.children.push(nodes.length)
      const inner = compileNode(condition.not, `${path}.not`, owner)
      fn = (facts, results) => {
        const result = inner(facts, results)
        const negated = result === UNKNOWN ? UNKNOWN : result === PASS ? FAIL : PASS
        results[index] = negated
        return negated
      }
    } else {
      const slot = slotFor(condition.fact)
      node.fact = condition.fact
      node.operator = condition.operator
      node.value = condition.value
      node.slot = slot
      const expected = resolveValue(condition.value)
      node.wording = leafWording(
        condition.fact,
        condition.operator,
        condition.value,
        catalog.get(condition.fact),
        expected,
      )
      fn = leafOf(index, slot, condition.operator, expected)
    }
    nodeFns[index] = fn
    return fn
  }

  const activeRules = ruleset.rules.filter((rule) => rule.enabled !== false)
  const ruleRoots: number[] = []
  const ruleFns = activeRules.map((rule) => {
    ruleRoots.push(nodes.length)
    return compileNode(rule.when, 'when', { ruleId: rule.id })
  })
  const personaRoots: number[] = []
  const personaFns = ruleset.personas.map((persona) => {
    personaRoots.push(nodes.length)
    return compileNode(persona.match, 'match', { personaId: persona.id })
  })

  const ruleEffects = activeRules.map((rule) => effectTable(rule))
  const rulePoints = activeRules.map((rule) => (rule.kind === 'score' ? (rule.points ?? 0) : 0))
  const { acceptAt, nurtureAt } = ruleset.policy
  const slotCount = slots.length
  const nodeCount = nodes.length

  const run = (lead: Lead): Evaluation => {
    const facts = new Array<unknown>(slotCount)
    for (let slot = 0; slot < slotCount; slot++) {
      const { read, type } = slots[slot]!
      const value = read(lead)
      facts[slot] =
        isMissing(value) || (type !== undefined && !hasFieldType(type, value)) ? MISSING : value
    }
    const results = new Uint8Array(nodeCount)
    const ruleCodes = new Uint8Array(ruleFns.length)
    let score = 0
    let rejected = false
    let nurtured = false
    for (let at = 0; at < ruleFns.length; at++) {
      const code = ruleFns[at]!(facts, results)
      ruleCodes[at] = code
      const effect = ruleEffects[at]![code]
      if (effect === 'rejected') rejected = true
      else if (effect === 'nurture') nurtured = true
      else if (effect === 'points') score += rulePoints[at]!
    }
    for (const personaFn of personaFns) personaFn(facts, results)
    const outcome: Outcome = rejected
      ? 'rejected'
      : nurtured
        ? 'nurture'
        : score >= acceptAt
          ? 'accepted'
          : score >= nurtureAt
            ? 'nurture'
            : 'rejected'
    return { lead, facts, results, ruleCodes, outcome, score }
  }

  const explain = (evaluation: Evaluation, options: EvaluateOptions = {}): Decision => {
    const { facts, results, ruleCodes, outcome, score } = evaluation
    const actualOf = (node: ConditionNode) => {
      const value = facts[node.slot]
      return value === MISSING ? undefined : value
    }
    // A value the lead sent with the wrong type counts as unknown; it is read again here
    // (off the hot path) so the reason and the trace can show what was sent.
    const invalidOf = (node: ConditionNode) => {
      if (facts[node.slot] !== MISSING) return undefined
      const raw = slots[node.slot]!.read(evaluation.lead)
      return isMissing(raw) ? undefined : raw
    }
    const rules: RuleResult[] = []
    const rejections: Reason[] = []
    const nurtures: Reason[] = []
    const earned: Reason[] = []
    let decidedByRule = false
    for (let at = 0; at < activeRules.length; at++) {
      const rule = activeRules[at]!
      const code = ruleCodes[at] as ResultCode
      const effect = ruleEffects[at]![code]!
      const points = effect === 'points' ? rulePoints[at]! : 0
      rules.push({
        ruleId: rule.id,
        kind: rule.kind,
        owner: rule.owner,
        result: resultNames[code]!,
        effect,
        points,
      })
      if (effect === 'none') continue
      if (effect !== 'points') decidedByRule = true
      const text = reasonText(
        rule,
        code,
        effect,
        points,
        ruleRoots[at]!,
        nodes,
        results,
        actualOf,
        invalidOf,
      )
      const reason: Reason = {
        ruleId: rule.id,
        ruleName: rule.name,
        owner: rule.owner,
        kind: rule.kind,
        result: resultNames[code]!,
        effect,
        text,
      }
      if (effect === 'points') reason.points = points
      ;(effect === 'rejected' ? rejections : effect === 'nurture' ? nurtures : earned).push(reason)
    }
    const reasons = [...rejections, ...nurtures]
    if (!decidedByRule) {
      reasons.push({
        ruleId: null,
        owner: null,
        kind: 'policy',
        result: outcome === 'accepted' ? 'pass' : 'fail',
        effect: outcome === 'accepted' ? 'none' : outcome === 'nurture' ? 'nurture' : 'rejected',
        text: policyText(outcome, score, acceptAt, nurtureAt),
      })
    }
    reasons.push(...earned)

    const personas = scorePersonas(
      ruleset,
      personaRoots,
      nodes,
      results,
      ruleset.policy.personaMinMatch,
    )
    const mode = options.trace ?? 'full'
    const trace: TraceEntry[] = []
    if (mode !== 'none') {
      for (let index = 0; index < nodeCount; index++) {
        const code = results[index] as ResultCode
        if (mode === 'failing' && code === PASS) continue
        trace.push(traceEntry(nodes[index]!, code, actualOf, invalidOf))
      }
    }
    const leadId = evaluation.lead.id
    return {
      leadId: leadId === undefined ? null : leadId,
      ruleset: { id: ruleset.id, version: ruleset.version },
      outcome,
      score,
      reasons,
      rules,
      personas,
      trace,
      evaluatedAt: (options.now ?? new Date()).toISOString(),
    }
  }

  return {
    ruleset,
    nodes,
    ruleRoots,
    run,
    explain,
    evaluate: (lead, options) => explain(run(lead), options),
  }
}

function leafOf(index: number, slot: number, operator: OperatorName, expected: unknown): NodeFn {
  if (operator === 'exists') {
    return (facts, results) => {
      const result = facts[slot] === MISSING ? FAIL : PASS
      results[index] = result
      return result
    }
  }
  const test = prepareTest(operator, expected)
  return (facts, results) => {
    const actual = facts[slot]
    const result = actual === MISSING ? UNKNOWN : test(actual) ? PASS : FAIL
    results[index] = result
    return result
  }
}

/** Three-valued AND, evaluating every member: fail beats unknown beats pass. */
function allOf(index: number, members: NodeFn[]): NodeFn {
  return (facts, results) => {
    let failed = false
    let unknown = false
    for (const member of members) {
      const result = member(facts, results)
      if (result === FAIL) failed = true
      else if (result === UNKNOWN) unknown = true
    }
    const result = failed ? FAIL : unknown ? UNKNOWN : PASS
    results[index] = result
    return result
  }
}

/** Three-valued OR, evaluating every member: pass beats unknown beats fail. */
function anyOf(index: number, members: NodeFn[]): NodeFn {
  return (facts, results) => {
    let passed = false
    let unknown = false
    for (const member of members) {
      const result = member(facts, results)
      if (result === PASS) passed = true
      else if (result === UNKNOWN) unknown = true
    }
    const result = passed ? PASS : unknown ? UNKNOWN : FAIL
    results[index] = result
    return result
  }
}

/** What each result code (fail, pass, unknown) of a rule does to the lead. */
function effectTable(rule: Rule): readonly Effect[] {
  const onMissing = rule.onMissing ?? defaultOnMissing[rule.kind]
  const unknown: Effect =
    onMissing === 'reject' ? 'rejected' : onMissing === 'nurture' ? 'nurture' : 'none'
  switch (rule.kind) {
    case 'require':
      return ['rejected', 'none', unknown]
    case 'disqualify':
      return ['none', 'rejected', unknown]
    case 'score':
      return ['none', 'points', unknown]
  }
}

/**
 * The leaves that made a node come out as `wanted`, following `not` with the polarity
 * flipped: for a failed `all`, its failed members; for a passed `any`, its passed ones.
 */
export function responsibleLeaves(
  nodes: readonly ConditionNode[],
  results: Uint8Array,
  index: number,
  wanted: ResultCode,
  negated = false,
  into: { node: ConditionNode; negated: boolean }[] = [],
): { node: ConditionNode; negated: boolean }[] {
  const node = nodes[index]!
  if (!node.gate) {
    if (results[index] === wanted) into.push({ node, negated })
    return into
  }
  if (node.gate === 'not') {
    const flipped = wanted === UNKNOWN ? UNKNOWN : wanted === PASS ? FAIL : PASS
    return responsibleLeaves(nodes, results, node.children[0]!, flipped, !negated, into)
  }
  for (const child of node.children) {
    if (results[child] === wanted) responsibleLeaves(nodes, results, child, wanted, negated, into)
  }
  return into
}

function reasonText(
  rule: Rule,
  code: ResultCode,
  effect: Effect,
  points: number,
  root: number,
  nodes: readonly ConditionNode[],
  results: Uint8Array,
  actualOf: (node: ConditionNode) => unknown,
  invalidOf: (node: ConditionNode) => unknown,
): string {
  const note = ownerNote(rule)
  if (code === FAIL) return `${failureText(nodes, results, root, actualOf, false)} ${note}`
  const leaves = responsibleLeaves(nodes, results, root, code)
  if (code === UNKNOWN) {
    const onMissing = rule.onMissing ?? defaultOnMissing[rule.kind]
    const invalid = leaves.flatMap(({ node }) => {
      const value = invalidOf(node)
      return value === undefined
        ? []
        : [{ label: node.wording!.label, value, field: node.wording!.field }]
    })
    return `${describeUnknown(
      leaves.map(({ node }) => node.wording!.label),
      onMissing,
      invalid,
    )} ${note}`
  }
  const parts = leaves.map(({ node, negated }) =>
    describeMatch(node.wording!, actualOf(node), negated),
  )
  if (effect === 'points')
    return `${points >= 0 ? '+' : ''}${points} points: ${parts.join('; ')} ${note}`
  return `Disqualified: ${parts.join('; ')} ${note}`
}

/**
 * Why a node failed, keeping the shape that matters to the reader: the members of a failed
 * `any` are alternatives (meeting one would have been enough), the failed members of an
 * `all` are each needed. Under `not` the polarity flips.
 */
function failureText(
  nodes: readonly ConditionNode[],
  results: Uint8Array,
  index: number,
  actualOf: (node: ConditionNode) => unknown,
  negated: boolean,
): string {
  const node = nodes[index]!
  if (!node.gate) return describeFailure(node.wording!, actualOf(node), negated)
  if (node.gate === 'not') return failureText(nodes, results, node.children[0]!, actualOf, !negated)
  const wanted = negated ? PASS : FAIL
  const parts = node.children
    .filter((child) => results[child] === wanted)
    .map((child) => failureText(nodes, results, child, actualOf, negated))
  return parts.join((node.gate === 'any') !== negated ? '. Alternatively: ' : '. ')
}

function traceEntry(
  node: ConditionNode,
  code: ResultCode,
  actualOf: (node: ConditionNode) => unknown,
  invalidOf: (node: ConditionNode) => unknown,
): TraceEntry {
  const entry: TraceEntry = node.ruleId
    ? { ruleId: node.ruleId, path: node.path, result: resultNames[code]! }
    : { personaId: node.personaId, path: node.path, result: resultNames[code]! }
  if (node.gate) {
    entry.gate = node.gate
    return entry
  }
  entry.fact = node.fact
  entry.operator = node.operator
  if (node.value !== undefined) entry.expected = node.value
  const actual = actualOf(node) ?? invalidOf(node)
  if (actual !== undefined) entry.actual = actual
  return entry
}
