import { leafWording, type LeafWording } from './condition-wording.ts'
import {
  ANY,
  conditionProgram,
  EXISTS,
  flattenConditions,
  LEAF,
  NOT,
  type FlatConditions,
} from './condition-program.ts'
import { describeUnknown, ownerNote, policyText, type InvalidValue } from './explain.ts'
import { isMissing } from './fact-path.ts'
import { factTableReader, type FactSlot } from './fact-table.ts'
import { catalogFor, catalogReader } from './field-catalog.ts'
import { byteArrays, currentTimestamp, lastWordsOf, presenceTest, remembered } from './hot-path.ts'
import { leafSentence, type LeafSentence } from './leaf-texts.ts'
import { prepareTest, type OperatorName } from './operators.ts'
import { personaScorer } from './personas.ts'
import { isAll, isAny, isListRef, isNot } from './condition-guards.ts'
import type { Condition, ConditionValue } from './schema/condition.ts'
import type { Decision, Effect, Reason, Result, RuleResult, TraceEntry } from './schema/decision.ts'
import type { Lead, Outcome } from './schema/lead.ts'
import type { OnMissing, Rule, Ruleset } from './schema/ruleset.ts'
import { traceEntries } from './trace.ts'

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
  /** One result code per condition node. A view on a shared buffer: use its elements only. */
  results: Uint8Array
  /** One result code per active rule (same caveat). */
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

interface Slot extends FactSlot {
  read: (lead: unknown) => unknown
  /** One remembering title splitter shared by the fact's title conditions. */
  titleWords?: (text: string) => string[]
}

/** What an unknown result means for a rule that does not say (`onMissing`). */
export const defaultOnMissing: Readonly<Record<Rule['kind'], OnMissing>> = {
  require: 'nurture',
  disqualify: 'pass',
  score: 'pass',
}

/**
 * Compiles a validated ruleset into an evaluator, once per version (closures and typed
 * arrays; never code generated from ruleset text). Conditions are numbered so a decision's
 * results fit in one byte array; every condition is evaluated (no short-circuit) so the
 * trace can show all reasons, not only the first. Everything that does not depend on the
 * lead (wording, trace entry layout, persona criteria) is prepared here, not per decision.
 *
 * @example
 * const compiled = compileRuleset(parseRuleset(json))
 * compiled.evaluate({ id: 'L1', company: { employees: 12 } }).outcome // 'rejected'
 */
export function compileRuleset(ruleset: Ruleset): CompiledRuleset {
  const catalog = catalogFor(ruleset)
  const nodes: ConditionNode[] = []
  const slots: Slot[] = []
  const slotByPath = new Map<string, number>()

  const slotFor = (path: string): number => {
    const known = slotByPath.get(path)
    if (known !== undefined) return known
    const slot = slots.length
    const read = catalogReader(path, catalog)
    const type = catalog.get(path)?.type
    const present = presenceTest(type)
    const fetch = (lead: unknown) => {
      const value = read(lead)
      return present(value) ? value : MISSING
    }
    slots.push({ path, read, type, fetch, derived: catalog.get(path)?.derive !== undefined })
    slotByPath.set(path, slot)
    return slot
  }

  const resolveValue = (value: ConditionValue | undefined): unknown =>
    isListRef(value) ? (ruleset.lists[value.list] ?? []) : value

  const tests: (((actual: unknown) => boolean) | undefined)[] = []

  const compileNode = (
    condition: Condition,
    path: string,
    owner: Pick<ConditionNode, 'ruleId' | 'personaId'>,
  ): void => {
    const index = nodes.length
    const node: ConditionNode = { index, ...owner, path, children: [], slot: -1 }
    nodes.push(node)
    if (isAll(condition) || isAny(condition)) {
      const gate = isAll(condition) ? 'all' : 'any'
      const members = isAll(condition) ? condition.all : condition.any
      node.gate = gate
      members.forEach((child, at) => {
        node.children.push(nodes.length)
        compileNode(child, `${path}.${gate}.${at}`, owner)
      })
    } else if (isNot(condition)) {
      node.gate = 'not'
      node.children.push(nodes.length)
      compileNode(condition.not, `${path}.not`, owner)
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
      if (condition.operator !== 'exists') {
        const titleWords =
          condition.operator === 'titleHasAny'
            ? (slots[slot]!.titleWords ??= lastWordsOf())
            : undefined
        tests[index] = prepareTest(condition.operator, expected, titleWords)
      }
    }
  }

  const activeRules = ruleset.rules.filter((rule) => rule.enabled !== false)
  const ruleRoots = activeRules.map((rule) => {
    const root = nodes.length
    compileNode(rule.when, 'when', { ruleId: rule.id })
    return root
  })
  const personaRoots = ruleset.personas.map((persona) => {
    const root = nodes.length
    compileNode(persona.match, 'match', { personaId: persona.id })
    return root
  })
  const personaStart = nodes.length === 0 ? 0 : (personaRoots[0] ?? nodes.length)
  // Rule index of every rule condition (-1 for persona conditions): the failing trace shows
  // all conditions of a rule that rejected or nurtured the lead, matched disqualifiers too.
  const ruleOfNode = new Int32Array(nodes.length).fill(-1)
  ruleRoots.forEach((root, at) => {
    const end = ruleRoots[at + 1] ?? personaStart
    ruleOfNode.fill(at, root, end)
  })
  const tree = flattenConditions(nodes)
  const evaluateConditions = conditionProgram(tree, tests, MISSING)

  const ruleEffects = activeRules.map((rule) => effectTable(rule))
  const rulePoints = activeRules.map((rule) => (rule.kind === 'score' ? (rule.points ?? 0) : 0))
  const { acceptAt, nurtureAt } = ruleset.policy
  const nodeCount = nodes.length
  const readFacts = factTableReader(slots, MISSING)
  const bytes = byteArrays()
  const notes = activeRules.map((rule) => ownerNote(rule))
  // Rules differ in shape (optional fields); one shape keeps the per-decision reads fast.
  const ruleFacts = activeRules.map(({ id, name, kind, owner }) => ({ id, name, kind, owner }))
  // A rule's entry in `rules` depends only on the rule and its result: made once, shared.
  const ruleResults = activeRules.map(({ id, kind, owner }, at) =>
    resultNames.map((result, code) => {
      const effect = ruleEffects[at]![code]!
      const points = effect === 'points' ? rulePoints[at]! : 0
      return Object.freeze({ ruleId: id, kind, owner, result, effect, points })
    }),
  )
  const sentence = leafSentence(nodes.map((node) => node.wording))
  // The policy's sentence depends only on the outcome and the score: remembered per score.
  const policyTexts = {
    accepted: remembered((score) => policyText('accepted', score as number, acceptAt, nurtureAt)),
    nurture: remembered((score) => policyText('nurture', score as number, acceptAt, nurtureAt)),
    rejected: remembered((score) => policyText('rejected', score as number, acceptAt, nurtureAt)),
  }
  const reasonWords = activeRules.map((rule, at) =>
    reasonWording(rule, notes[at]!, ruleEffects[at]!, rulePoints[at]!),
  )
  const traceEntry = traceEntries(nodes)
  const scorePersonas = personaScorer(ruleset, personaRoots, nodes)

  const run = (lead: Lead): Evaluation => {
    const facts = readFacts(lead)
    const results = bytes(nodeCount)
    evaluateConditions(facts, results)
    const ruleCodes = bytes(ruleRoots.length)
    let score = 0
    let rejected = false
    let nurtured = false
    for (let at = 0; at < ruleRoots.length; at++) {
      const code = results[ruleRoots[at]!] as ResultCode
      ruleCodes[at] = code
      const effect = ruleEffects[at]![code]
      if (effect === 'rejected') rejected = true
      else if (effect === 'nurture') nurtured = true
      else if (effect === 'points') score += rulePoints[at]!
    }
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
    const slotOf = tree.slots
    const actualAt = (index: number) => {
      const slot = slotOf[index]!
      if (slot < 0) return undefined
      const value = facts[slot]
      return value === MISSING ? undefined : value
    }
    // A value the lead sent with the wrong type counts as unknown; it is read again here
    // (off the hot path) so the reason and the trace can show what was sent.
    const invalidAt = (index: number) => {
      const slot = slotOf[index]!
      if (slot < 0 || facts[slot] !== MISSING) return undefined
      const raw = slots[slot]!.read(evaluation.lead)
      return isMissing(raw) ? undefined : raw
    }
    const rules = new Array<RuleResult>(activeRules.length)
    // Rejections first, then nurtures, the policy and points earned; most leads have few.
    const reasons: Reason[] = []
    let nurtures: Reason[] | undefined
    let earned: Reason[] | undefined
    let decidedByRule = false
    for (let at = 0; at < activeRules.length; at++) {
      const { id, kind, owner } = ruleFacts[at]!
      const code = ruleCodes[at] as ResultCode
      const effect = ruleEffects[at]![code]!
      const points = effect === 'points' ? rulePoints[at]! : 0
      rules[at] = ruleResults[at]![code]!
      if (effect === 'none') continue
      if (effect !== 'points') decidedByRule = true
      const text = reasonText(
        reasonWords[at]!,
        code,
        ruleRoots[at]!,
        nodes,
        results,
        tree,
        actualAt,
        invalidAt,
        sentence,
      )
      const reason: Reason = {
        ruleId: id,
        ruleName: ruleFacts[at]!.name,
        owner,
        kind,
        result: resultNames[code]!,
        effect,
        text,
      }
      if (effect === 'points') reason.points = points
      if (effect === 'rejected') reasons.push(reason)
      else if (effect === 'nurture') (nurtures ??= []).push(reason)
      else (earned ??= []).push(reason)
    }
    if (nurtures) for (const reason of nurtures) reasons.push(reason)
    if (!decidedByRule) {
      reasons.push({
        ruleId: null,
        owner: null,
        kind: 'policy',
        result: outcome === 'accepted' ? 'pass' : 'fail',
        effect: outcome === 'accepted' ? 'none' : outcome === 'nurture' ? 'nurture' : 'rejected',
        text: policyTexts[outcome](score),
      })
    }
    if (earned) for (const reason of earned) reasons.push(reason)

    const personas = scorePersonas(results, ruleset.policy.personaMinMatch)
    const mode = options.trace ?? 'full'
    let trace: TraceEntry[] = []
    if (mode === 'full') {
      // Sized once: a full trace has one entry per condition.
      trace = new Array<TraceEntry>(nodeCount)
      for (let index = 0; index < nodeCount; index++) {
        trace[index] = traceEntry(index, results[index]!, actualAt(index) ?? invalidAt(index))
      }
    } else if (mode === 'failing') {
      for (let index = 0; index < nodeCount; index++) {
        const code = results[index] as ResultCode
        const rule = ruleOfNode[index]!
        const decisive = rule >= 0 && isDecisive(ruleEffects[rule]![ruleCodes[rule] as ResultCode]!)
        if (code !== PASS || decisive) {
          trace.push(traceEntry(index, code, actualAt(index) ?? invalidAt(index)))
        }
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
      evaluatedAt: options.now ? options.now.toISOString() : currentTimestamp(),
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

/** What each result code (fail, pass, unknown) of a rule does to the lead. */
const isDecisive = (effect: Effect) => effect === 'rejected' || effect === 'nurture'

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

/**
 * How one rule words its reasons. A reason's text depends only on the rule, its result and
 * the sentences of the leaves responsible (or, when unknown, which leaves were unknown), so
 * texts are remembered: a lead that repeats another's values gets the same string, which
 * also lets the decision's JSON be reused (engine/decision-json.ts).
 */
interface ReasonWording {
  /** Leaf sentences → text, for a failed and for a passed rule. */
  byResult: [fail: (parts: unknown) => string, pass: (parts: unknown) => string]
  /** The text when one leaf, whose value was absent (not of a wrong type), was unknown. */
  unknownLeaf: Map<number, string>
  onMissing: OnMissing
  note: string
}

function reasonWording(
  rule: Rule,
  note: string,
  effects: readonly Effect[],
  points: number,
): ReasonWording {
  const passed =
    effects[PASS] === 'points'
      ? (parts: unknown) => `${points >= 0 ? '+' : ''}${points} points: ${String(parts)} ${note}`
      : (parts: unknown) => `Disqualified: ${String(parts)} ${note}`
  return {
    byResult: [remembered((parts) => `${String(parts)} ${note}`), remembered(passed)],
    unknownLeaf: new Map(),
    onMissing: rule.onMissing ?? defaultOnMissing[rule.kind],
    note,
  }
}

function reasonText(
  wording: ReasonWording,
  code: ResultCode,
  root: number,
  nodes: readonly ConditionNode[],
  results: Uint8Array,
  tree: FlatConditions,
  actualAt: (index: number) => unknown,
  invalidAt: (index: number) => unknown,
  sentence: LeafSentence,
): string {
  if (code === UNKNOWN) {
    const leaves = responsibleLeaves(nodes, results, root, code)
    const invalid = leaves.flatMap(({ node }): InvalidValue[] => {
      const value = invalidAt(node.index)
      return value === undefined
        ? []
        : [{ label: node.wording!.label, value, field: node.wording!.field }]
    })
    const single = leaves.length === 1 && invalid.length === 0 ? leaves[0]!.node.index : -1
    const known = single < 0 ? undefined : wording.unknownLeaf.get(single)
    if (known !== undefined) return known
    const text = `${describeUnknown(
      leaves.map(({ node }) => node.wording!.label),
      wording.onMissing,
      invalid,
    )} ${wording.note}`
    if (single >= 0) wording.unknownLeaf.set(single, text)
    return text
  }
  const walk = { tree, results, actualAt, sentence, match: code === PASS }
  return wording.byResult[code](leafSentences(walk, root, code, false))
}

interface SentenceWalk {
  tree: FlatConditions
  results: Uint8Array
  actualAt: (index: number) => unknown
  sentence: LeafSentence
  /** Sentences of matches (the rule passed) or of failures. */
  match: boolean
}

/**
 * The sentences of the leaves that made a node come out as `wanted` (as `responsibleLeaves`
 * finds them), joined while walking the flat tree. Matches are joined with "; ". Failures
 * keep the shape that matters to the reader: the failed members of an `all` are each
 * needed (". "), those of a failed `any` are alternatives, meeting one would have been
 * enough (". Alternatively: "); under `not` the two swap.
 */
function leafSentences(
  walk: SentenceWalk,
  index: number,
  wanted: ResultCode,
  negated: boolean,
): string {
  const { tree, results } = walk
  const kind = tree.kinds[index]!
  if (kind === LEAF || kind === EXISTS) {
    if (results[index] !== wanted) return ''
    return walk.sentence(index, walk.match, negated, walk.actualAt(index))
  }
  const first = tree.firstChild[index]!
  if (kind === NOT) {
    const flipped = wanted === UNKNOWN ? UNKNOWN : wanted === PASS ? FAIL : PASS
    return leafSentences(walk, tree.members[first]!, flipped, !negated)
  }
  const separator = walk.match ? '; ' : (kind === ANY) !== negated ? '. Alternatively: ' : '. '
  let text = ''
  for (let at = first; at < tree.endChild[index]!; at++) {
    const child = tree.members[at]!
    if (results[child] !== wanted) continue
    const part = leafSentences(walk, child, wanted, negated)
    if (part !== '') text = text === '' ? part : `${text}${separator}${part}`
  }
  return text
}
