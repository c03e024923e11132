import { ImpactReport, type CompiledRuleset, type Lead, type Outcome } from '../../engine/index.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import type { DecisionLog, FlagRecord } from '../store/types.ts'
import { flaggedLeads } from './flagged-leads.ts'
import {
  PoolFailure,
  SimulationPool,
  type LoggedLeads,
  type VersionDocument,
} from './simulation-pool.ts'
import { leadOfRecord, leadTextOfRecord } from './stored-lead.ts'

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
  /**
   * Logged leads decided in the calling thread before the rest go to the worker threads
   * (default 5,000): a small simulation never waits for the threads.
   */
  inlineLeads?: number
}

const INLINE_LEADS = 5_000
const BATCH_LEADS = 2_000

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
  const targetVersion = await evaluators.get(input.rulesetId, input.version)
  const target = targetVersion.compiled
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
  try {
    return await simulateLogged(evaluators, log, input, input.source.sample, targetVersion)
  } catch (error) {
    // Worker threads that fail must not fail the simulation: it is run again in this thread.
    if (!(error instanceof PoolFailure)) throw error
    const inThread = { ...input, inlineLeads: Number.POSITIVE_INFINITY }
    return simulateLogged(evaluators, log, inThread, input.source.sample, targetVersion)
  }
}

async function simulateLogged(
  evaluators: EvaluatorCache,
  log: DecisionLog,
  input: SimulationInput,
  sample: SimulationSample,
  targetVersion: { compiled: CompiledRuleset; contentHash: string },
) {
  const target = targetVersion.compiled
  const targetHash = targetVersion.contentHash
  const filter =
    'lastN' in sample
      ? { rulesetId: input.rulesetId }
      : { rulesetId: input.rulesetId, from: sample.from, to: sample.to }
  const lastN = 'lastN' in sample ? sample.lastN : undefined
  const report = new ImpactReport(target, target, undefined, MAX_FLIPPED)
  const baselines = new Map<number, CompiledRuleset | null>()
  const documents = new Map<number, VersionDocument>()
  const inline = input.inlineLeads ?? INLINE_LEADS
  const pool = SimulationPool.shared()
  let job: ReturnType<SimulationPool['begin']> | undefined
  let batch = emptyBatch()
  let skipped = 0
  let order = 0
  try {
    for await (const { summary, bytes } of log.records(filter, lastN)) {
      let baseline = baselines.get(summary.version)
      if (baseline === undefined) {
        const version = await evaluators.get(input.rulesetId, summary.version).catch(() => null)
        baseline = version?.compiled ?? null
        baselines.set(summary.version, baseline)
        if (version) {
          documents.set(summary.version, {
            key: `${input.rulesetId}@${summary.version}#${version.contentHash}`,
            ruleset: version.compiled.ruleset,
          })
        }
      }
      if (baseline === null) {
        skipped++
        continue
      }
      const text =
        order >= inline && pool?.usable ? leadTextOfRecord(bytes, summary.evaluatedAt) : undefined
      if (text === undefined) {
        const lead = leadOfRecord(bytes, summary.evaluatedAt)
        report.addDecided(lead, { ...decided(summary), baseline, order })
      } else {
        job ??= pool!.begin(
          { key: `${input.rulesetId}@${input.version}#${targetHash}`, ruleset: target.ruleset },
          MAX_FLIPPED,
        )
        batch.leads.push(text)
        batch.versions.push(summary.version)
        batch.outcomes.push(summary.outcome)
        batch.decisionIds.push(summary.decisionId)
        batch.orders.push(order)
        if (batch.leads.length >= BATCH_LEADS) {
          await job.send(batch, documents)
          batch = emptyBatch()
        }
      }
      order++
    }
    if (job) {
      if (batch.leads.length > 0) await job.send(batch, documents)
      for (const part of await job.finish()) {
        report.absorb(part.snapshot)
        skipped += part.skipped
      }
      job = undefined
    }
  } finally {
    job?.abandon()
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

const emptyBatch = (): LoggedLeads => ({
  leads: [],
  versions: [],
  outcomes: [],
  decisionIds: [],
  orders: [],
})

const decided = (summary: { outcome: Outcome; decisionId: string }) => ({
  outcome: summary.outcome,
  decisionId: summary.decisionId,
})

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
