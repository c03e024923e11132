import { catalogFor, catalogReader } from '../field-catalog.ts'
import type { CompiledRuleset, Evaluation } from '../compile.ts'
import type { Lead, Outcome } from '../schema/lead.ts'
import { bestPersonaFinder } from '../personas.ts'
import { flipCause } from './flip-cause.ts'
import { ruleEffects } from './rule-effects.ts'

export type OutcomeCounts = Record<Outcome, number>

export interface ImpactFlip {
  from: Outcome
  to: Outcome
  count: number
  /** Rule id (or "policy") → leads it flipped this way, most first. */
  causes: { ruleId: string; count: number }[]
}

export interface ImpactSegment {
  /** The fact the segment is cut by ("company.industry"), or "persona". */
  by: string
  /** Its value; "(unknown)" for leads without it. */
  value: string
  before: OutcomeCounts
  after: OutcomeCounts
}

export interface ImpactResult {
  leads: number
  before: OutcomeCounts
  after: OutcomeCounts
  flips: ImpactFlip[]
  /** The first flipped leads, for a person to look at. */
  examples: {
    leadId: string | number | null
    /** The logged decision the lead came from, when simulating over the decision log. */
    decisionId?: string
    from: Outcome
    to: Outcome
    ruleId: string
  }[]
  segments: ImpactSegment[]
  /** Segments whose accepted leads drop below the policy's minimum segment size. */
  warnings: string[]
}

const zero = (): OutcomeCounts => ({ accepted: 0, nurture: 0, rejected: 0 })
const outcomes: readonly Outcome[] = ['accepted', 'nurture', 'rejected']

/** An `ImpactReport`'s counts as plain data (structured-clone safe), for `absorb`. */
export interface ImpactSnapshot {
  leads: number
  before: OutcomeCounts
  after: OutcomeCounts
  flips: (ImpactFlip & { byRule: [string, number][] })[]
  examples: (ImpactResult['examples'][number] & { order: number })[]
  segments: ImpactSegment[]
}
export const defaultSegments = ['company.industry', 'company.sizeBand', 'company.region', 'persona']

/**
 * Compares a draft ruleset with a baseline over the same leads: outcome counts before and
 * after, the leads whose outcome flips with the rule that flipped them, and the change per
 * segment, warning where a segment's accepted leads fall below the policy's
 * `minSegmentSize` (too small to be worth a campaign).
 *
 * @example
 * const impact = new ImpactReport(compileRuleset(draft), compileRuleset(published))
 * for (const lead of leads) impact.add(lead)
 * impact.result().flips // [{ from: 'accepted', to: 'rejected', count: 12, causes: [...] }]
 */
export class ImpactReport {
  #leads = 0
  #before = zero()
  #after = zero()
  #flips = new Map<string, ImpactFlip & { byRule: Map<string, number> }>()
  #examples: ImpactResult['examples'] = []
  /** Each example's place in the input (see `addDecided`), for merging reports in order. */
  #exampleOrder: number[] = []
  #segments: ImpactSegment[] = []
  #readers: {
    by: string
    read: (lead: unknown, now: Evaluation) => unknown
    /** This cut's segments by value label. */
    segments: Map<string, ImpactSegment>
  }[]

  constructor(
    readonly draft: CompiledRuleset,
    readonly baseline: CompiledRuleset,
    segments: readonly string[] = defaultSegments,
    readonly maxExamples = 20,
  ) {
    const catalog = catalogFor(draft.ruleset)
    this.#readers = [...new Set(segments)]
      .filter((by) => by !== 'persona')
      .map((by) => ({ by, read: catalogReader(by, catalog), segments: new Map() }))
    // A persona's root is the first node compiled for it (its "match").
    const personaRoots = draft.ruleset.personas.map((persona) =>
      draft.nodes.findIndex((node) => node.personaId === persona.id && node.path === 'match'),
    )
    const bestPersona = bestPersonaFinder(draft.ruleset, personaRoots, draft.nodes)
    const minMatch = draft.ruleset.policy.personaMinMatch
    if (segments.includes('persona')) {
      this.#readers.push({
        by: 'persona',
        segments: new Map(),
        // Scored from the draft's own evaluation: no second run, no full explanation.
        read: (_lead, now) => bestPersona(now.results, minMatch),
      })
    }
  }

  add(lead: Lead): void {
    const was = this.baseline.run(lead)
    this.#count(lead, was.outcome, () => was)
  }

  /**
   * Adds a lead that was already decided: `before` is the outcome it got (from the decision
   * log), `baseline` the version that decided it. The baseline is only run again for a lead
   * whose outcome flips, to find the rule that flipped it. Returns the draft's outcome.
   *
   * @example
   * report.addDecided(stored.lead, { outcome: stored.outcome, baseline: v3, decisionId: stored.decisionId })
   */
  addDecided(
    lead: Lead,
    decided: { outcome: Outcome; baseline: CompiledRuleset; decisionId?: string; order?: number },
  ): Outcome {
    return this.#count(
      lead,
      decided.outcome,
      () => decided.baseline.run(lead),
      decided.baseline,
      decided.decisionId,
      decided.order,
    )
  }

  /**
   * The report's counts as plain data, to be sent to another thread and folded into a report
   * there with `absorb`: reports over parts of the same leads add up to the report over all.
   */
  snapshot(): ImpactSnapshot {
    return {
      leads: this.#leads,
      before: { ...this.#before },
      after: { ...this.#after },
      flips: [...this.#flips.values()].map(({ byRule, ...flip }) => ({
        ...flip,
        causes: [],
        byRule: [...byRule],
      })),
      examples: this.#examples.map((example, at) => ({
        ...example,
        order: this.#exampleOrder[at]!,
      })),
      segments: this.#segments.map((segment) => ({
        ...segment,
        before: { ...segment.before },
        after: { ...segment.after },
      })),
    }
  }

  /**
   * Adds another report's counts (its `snapshot`) to this one. Examples stay the first
   * `maxExamples` flipped leads in input order, as one report over all the leads keeps them.
   *
   * @example
   * const whole = new ImpactReport(draft, draft); for (const part of parts) whole.absorb(part)
   */
  absorb(part: ImpactSnapshot): void {
    this.#leads += part.leads
    for (const outcome of outcomes) {
      this.#before[outcome] += part.before[outcome]
      this.#after[outcome] += part.after[outcome]
    }
    for (const { byRule, causes: _causes, ...flip } of part.flips) {
      const key = `${flip.from}>${flip.to}`
      let mine = this.#flips.get(key)
      if (!mine) {
        mine = { from: flip.from, to: flip.to, count: 0, causes: [], byRule: new Map() }
        this.#flips.set(key, mine)
      }
      mine.count += flip.count
      for (const [ruleId, count] of byRule) {
        mine.byRule.set(ruleId, (mine.byRule.get(ruleId) ?? 0) + count)
      }
    }
    const examples = [
      ...this.#examples.map((example, at) => ({ example, order: this.#exampleOrder[at]! })),
      ...part.examples.map(({ order, ...example }) => ({ example, order })),
    ]
      .sort((a, b) => a.order - b.order)
      .slice(0, this.maxExamples)
    this.#examples = examples.map(({ example }) => example)
    this.#exampleOrder = examples.map(({ order }) => order)
    for (const segment of part.segments) {
      const reader = this.#readers.find((candidate) => candidate.by === segment.by)
      let mine = reader?.segments.get(segment.value)
      if (!mine) {
        mine = { by: segment.by, value: segment.value, before: zero(), after: zero() }
        reader?.segments.set(segment.value, mine)
        this.#segments.push(mine)
      }
      for (const outcome of outcomes) {
        mine.before[outcome] += segment.before[outcome]
        mine.after[outcome] += segment.after[outcome]
      }
    }
  }

  #count(
    lead: Lead,
    before: Outcome,
    baselineRun: () => ReturnType<CompiledRuleset['run']>,
    baseline: CompiledRuleset = this.baseline,
    decisionId?: string,
    order = this.#leads,
  ): Outcome {
    const was = { outcome: before }
    const now = this.draft.run(lead)
    this.#leads++
    this.#before[was.outcome]++
    this.#after[now.outcome]++
    for (const { by, read, segments } of this.#readers) {
      const value = read(lead, now)
      const label =
        value === undefined || value === null || value === '' ? '(unknown)' : String(value)
      let segment = segments.get(label)
      if (!segment) {
        segment = { by, value: label, before: zero(), after: zero() }
        segments.set(label, segment)
        this.#segments.push(segment)
      }
      segment.before[was.outcome]++
      segment.after[now.outcome]++
    }
    if (was.outcome === now.outcome) return now.outcome
    // Draft effects first: the baseline's run may share the draft's result buffers.
    const nowEffects = ruleEffects(this.draft, now)
    const ruleId = flipCause(
      was.outcome,
      now.outcome,
      ruleEffects(baseline, baselineRun()),
      nowEffects,
    )
    const key = `${was.outcome}>${now.outcome}`
    let flip = this.#flips.get(key)
    if (!flip) {
      flip = { from: was.outcome, to: now.outcome, count: 0, causes: [], byRule: new Map() }
      this.#flips.set(key, flip)
    }
    flip.count++
    flip.byRule.set(ruleId, (flip.byRule.get(ruleId) ?? 0) + 1)
    if (this.#examples.length < this.maxExamples) {
      const example = { leadId: lead.id ?? null, from: was.outcome, to: now.outcome, ruleId }
      this.#examples.push(decisionId === undefined ? example : { ...example, decisionId })
      this.#exampleOrder.push(order)
    }
    return now.outcome
  }

  result(): ImpactResult {
    const minimum = this.draft.ruleset.policy.minSegmentSize
    const segments = [...this.#segments].sort(
      (a, b) =>
        a.by.localeCompare(b.by) ||
        total(b.before) - total(a.before) ||
        a.value.localeCompare(b.value),
    )
    const warnings = segments
      .filter((segment) => segment.value !== '(unknown)')
      .filter((segment) => segment.before.accepted >= minimum && segment.after.accepted < minimum)
      .map(
        (segment) =>
          `${segment.by} = ${segment.value}: accepted leads fall from ${segment.before.accepted} to ${segment.after.accepted}, below the minimum segment size of ${minimum}`,
      )
    const flips = [...this.#flips.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ byRule, ...flip }) => ({
        ...flip,
        causes: [...byRule]
          .map(([ruleId, count]) => ({ ruleId, count }))
          .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
      }))
    return {
      leads: this.#leads,
      before: this.#before,
      after: this.#after,
      flips,
      examples: this.#examples,
      segments,
      warnings,
    }
  }
}

const total = (counts: OutcomeCounts) => counts.accepted + counts.nurture + counts.rejected
