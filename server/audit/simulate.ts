import { ImpactReport, type CompiledRuleset, type Lead } from '../../engine/index.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import type { DecisionLog, FlagRecord } from '../store/types.ts'
import { flaggedLeads } from './flagged-leads.ts'
import { leadOfRecord } from './stored-lead.ts'

export type SimulationSample = { lastN: number } | { from: string; to: string }

/** A flipped lead listed in full; the report keeps at most this many. */
export const MAX_FLIPPED = 1000

export interface SimulationInput {
  rulesetId: string
  version: number
  /** Logged decisions of the ruleset to replay, or uploaded leads (compared with the published version). */
  source: { sample: SimulationSample } | { leads: Lead[] }
  /** Open flags of the ruleset: their leads are decided again and listed as `flagged`. */
  openFlags?: readonly FlagRecord[]
}

/**
 * Decides logged (or uploaded) leads with one version and compares with what they got: the
 * decision in the log, or for uploaded leads the published version's. Each logged lead is
 * compared with the version that decided it, so a log spanning several versions is fair.
 *
 * @example
 * const impact = await simulateVersion(evaluators, log, { rulesetId: 'b2b-inbound', version: 4, source: { sample: { lastN: 10000 } } })
 * impact.flips // [{ from: 'accepted', to: 'rejected', count: 12, causes: [{ ruleId: 'min-employees', count: 12 }] }]
 */
export async function simulateVersion(
  evaluators: EvaluatorCache,
  log: DecisionLog,
  input: SimulationInput,
) {
  const target = (await evaluators.get(input.rulesetId, input.version)).compiled
  if ('leads' in input.source) {
    const published = (await evaluators.get(input.rulesetId)).compiled
    const report = new ImpactReport(target, published, undefined, MAX_FLIPPED)
    for (const lead of input.source.leads) report.add(lead)
    return shape(
      input,
      'published',
      report,
      0,
      target,
      await flagsOf(input, evaluators, log, target),
    )
  }
  const sample = input.source.sample
  const filter =
    'lastN' in sample
      ? { rulesetId: input.rulesetId }
      : { rulesetId: input.rulesetId, from: sample.from, to: sample.to }
  const lastN = 'lastN' in sample ? sample.lastN : undefined
  const report = new ImpactReport(target, target, undefined, MAX_FLIPPED)
  const baselines = new Map<number, CompiledRuleset | null>()
  let skipped = 0
  for await (const { summary, bytes } of log.records(filter, lastN)) {
    let baseline = baselines.get(summary.version)
    if (baseline === undefined) {
      baseline = await evaluators
        .get(input.rulesetId, summary.version)
        .then((version) => version.compiled)
        .catch(() => null)
      baselines.set(summary.version, baseline)
    }
    if (baseline === null) {
      skipped++
      continue
    }
    const lead = leadOfRecord(bytes, summary.evaluatedAt)
    report.addDecided(lead, { outcome: summary.outcome, baseline, decisionId: summary.decisionId })
  }
  return shape(
    input,
    'logged',
    report,
    skipped,
    target,
    await flagsOf(input, evaluators, log, target),
  )
}

function flagsOf(
  input: SimulationInput,
  evaluators: EvaluatorCache,
  log: DecisionLog,
  target: CompiledRuleset,
) {
  return flaggedLeads(input.openFlags ?? [], log, evaluators, target)
}

function shape(
  input: SimulationInput,
  comparedWith: 'logged' | 'published',
  report: ImpactReport,
  skipped: number,
  target: CompiledRuleset,
  flags: Awaited<ReturnType<typeof flaggedLeads>>,
) {
  const { examples, warnings, ...result } = report.result()
  const gone =
    flags.missing === 0
      ? []
      : [
          `${flags.missing} open flag${flags.missing === 1 ? '' : 's'} could not be decided again: the flagged decision is no longer in the log`,
        ]
  return {
    ruleset: { id: input.rulesetId, version: input.version },
    comparedWith,
    skipped,
    minSegmentSize: target.ruleset.policy.minSegmentSize,
    ...result,
    warnings: [...warnings, ...gone],
    flipped: examples,
    flagged: flags.flagged,
  }
}

export type Simulation = ReturnType<typeof shape>
