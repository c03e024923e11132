import { ImpactReport, type CompiledRuleset, type Lead } from '../../engine/index.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import type { DecisionLog, FlagRecord } from '../store/types.ts'
import { flaggedLeads } from './flagged-leads.ts'
import { MAX_FLIPPED, simulateLoggedLeads } from './logged-simulation.ts'
import { PoolFailure, type SimulationPool } from './simulation-pool.ts'

export type SimulationSample = { lastN: number } | { from: string; to: string }

/** What a simulation uses of the server's services. */
export interface SimulationServices {
  evaluators: EvaluatorCache
  decisions: DecisionLog
  /** Worker threads for large simulations; without them every lead is decided in this thread. */
  simulationPool?: SimulationPool | undefined
}

export interface SimulationInput {
  rulesetId: string
  version: number
  /** Logged decisions of the ruleset to replay, or uploaded leads (compared with the published version). */
  source: { sample: SimulationSample } | { leads: Lead[] }
  /** Open flags of the ruleset: their leads are decided again and listed as `flagged`. */
  openFlags?: readonly FlagRecord[]
  /**
   * A simulation of at most this many logged leads (default 5,000) is decided in the calling
   * thread alone: it never waits for the worker threads. Past it, a log kept in files has the
   * workers read and decide the leads, the calling thread deciding some while they are all
   * busy; another log's first this many leads are decided in the calling thread.
   */
  inlineLeads?: number
}

/**
 * Decides logged (or uploaded) leads with one version and compares with what they got: the
 * decision in the log, or for uploaded leads the published version's. Each logged lead is
 * compared with the version that decided it, so a log spanning several versions is fair.
 *
 * @example
 * const impact = await simulateVersion(services, { rulesetId: 'b2b-inbound', version: 4, source: { sample: { lastN: 10000 } } })
 * impact.flips // [{ from: 'accepted', to: 'rejected', count: 12, causes: [{ ruleId: 'min-employees', count: 12 }] }]
 */
export async function simulateVersion(services: SimulationServices, input: SimulationInput) {
  const { evaluators, decisions: log } = services
  const targetVersion = await evaluators.get(input.rulesetId, input.version)
  const target = targetVersion.compiled
  const flags = () => flaggedLeads(input.openFlags ?? [], log, evaluators, target)
  if ('leads' in input.source) {
    const published = (await evaluators.get(input.rulesetId)).compiled
    const report = new ImpactReport(target, published, undefined, MAX_FLIPPED)
    for (const lead of input.source.leads) report.add(lead)
    return shape(input, 'published', report, 0, target, await flags())
  }
  const sample = input.source.sample
  const logged = (pool: SimulationPool | undefined) =>
    simulateLoggedLeads({
      evaluators,
      log,
      pool,
      rulesetId: input.rulesetId,
      draft: target,
      draftDocument: {
        key: `${input.rulesetId}@${input.version}#${targetVersion.contentHash}`,
        ruleset: target.ruleset,
      },
      filter:
        'lastN' in sample
          ? { rulesetId: input.rulesetId }
          : { rulesetId: input.rulesetId, from: sample.from, to: sample.to },
      lastN: 'lastN' in sample ? sample.lastN : undefined,
      inlineLeads: input.inlineLeads,
    })
  let result: Awaited<ReturnType<typeof logged>>
  try {
    result = await logged(services.simulationPool)
  } catch (error) {
    // Worker threads that fail must not fail the simulation: it is run again in this thread.
    if (!(error instanceof PoolFailure)) throw error
    result = await logged(undefined)
  }
  return shape(input, 'logged', result.report, result.skipped, target, await flags())
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
