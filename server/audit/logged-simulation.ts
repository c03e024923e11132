import { setImmediate as nextTurn } from 'node:timers/promises'
import { ImpactReport, type CompiledRuleset, type Lead } from '../../engine/index.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import type { DecisionFilter, DecisionLog, DecisionSummary, RecordPlace } from '../store/types.ts'
import { LeadFileReader, type LeadPlaces } from './lead-file-reader.ts'
import type { LoggedLeads, SimulationPool, VersionDocument } from './simulation-pool.ts'
import { leadOfRecord, leadTextOfRecord } from './stored-lead.ts'

/** A report may list at most this many flipped leads in full. */
export const MAX_FLIPPED = 1000
/** Default for `inlineLeads`: a simulation this small never waits for the threads. */
const INLINE_LEADS = 5_000
/** Leads per worker batch, and per slice decided in this thread between turns of the event loop. */
const BATCH_LEADS = 2_000
/** Leads this thread decides at a time while the workers are busy: a few milliseconds. */
const SLICE_LEADS = 250

export interface LoggedSimulation {
  evaluators: EvaluatorCache
  log: DecisionLog
  /** Without a (usable) pool, every lead is decided in the calling thread. */
  pool: SimulationPool | undefined
  rulesetId: string
  /** The version simulated, as compiled here and as the workers compile it. */
  draft: CompiledRuleset
  draftDocument: VersionDocument
  filter: DecisionFilter
  lastN: number | undefined
  /** See `SimulationInput.inlineLeads`. */
  inlineLeads: number | undefined
}

/**
 * Decides logged leads with the draft and compares each with the decision it got, by the
 * version that made it. A log kept in files (`places`) lets the workers read the leads
 * themselves: this thread hands out places, and decides a few leads itself whenever every
 * worker has its fill. Another log's records are read here and their leads' text sent.
 *
 * @example
 * const { report, skipped } = await simulateLoggedLeads({ evaluators, log, pool, rulesetId: 'b2b-inbound', draft, draftDocument, filter: { rulesetId: 'b2b-inbound' }, lastN: 10000, inlineLeads: undefined })
 */
export async function simulateLoggedLeads(
  simulation: LoggedSimulation,
): Promise<{ report: ImpactReport; skipped: number }> {
  const report = new ImpactReport(simulation.draft, simulation.draft, undefined, MAX_FLIPPED)
  const baselines = new Baselines(simulation.evaluators, simulation.rulesetId)
  const pool = simulation.pool?.usable ? simulation.pool : undefined
  const inline = pool ? (simulation.inlineLeads ?? INLINE_LEADS) : Number.POSITIVE_INFINITY
  const { log } = simulation
  const skipped = log.places
    ? await fromPlaces(await log.places(simulation.filter, simulation.lastN))
    : await fromRecords()
  return { report, skipped }

  async function fromPlaces(all: RecordPlace[]): Promise<number> {
    for (const version of new Set(all.map((place) => place.summary.version))) {
      await baselines.of(version)
    }
    const places = all.filter((place) => baselines.loaded(place.summary.version) !== null)
    const job =
      places.length > inline ? pool!.begin(simulation.draftDocument, MAX_FLIPPED) : undefined
    const reader = new LeadFileReader()
    let skipped = all.length - places.length
    try {
      let at = 0
      while (at < places.length) {
        if (job?.hasRoom()) {
          await job.send(placesBatch(places, at, BATCH_LEADS), baselines.documents)
          at += BATCH_LEADS
          continue
        }
        // Every worker has its fill: this thread decides a few leads itself meanwhile, then
        // lets their answers (and other requests) in.
        const batch = placesBatch(places, at, job ? SLICE_LEADS : BATCH_LEADS)
        at += batch.versions.length
        const texts = reader.texts(batch.leads as LeadPlaces)
        for (let i = 0; i < texts.length; i++) {
          const lead = parsed(texts[i])
          if (lead === undefined) skipped++
          else report.addDecided(lead, decidedOf(batch, i, baselines))
        }
        await nextTurn()
      }
      return job ? skipped + (await absorbAll(job)) : skipped
    } finally {
      reader.close()
      job?.abandon()
    }
  }

  async function fromRecords(): Promise<number> {
    let job: ReturnType<SimulationPool['begin']> | undefined
    let batch = emptyBatch()
    let skipped = 0
    let order = 0
    try {
      for await (const { summary, bytes } of log.records(simulation.filter, simulation.lastN)) {
        const baseline = await baselines.of(summary.version)
        if (baseline === null) {
          skipped++
          continue
        }
        const text = order >= inline ? leadTextOfRecord(bytes, summary.evaluatedAt) : undefined
        if (text === undefined) {
          const lead = leadOfRecord(bytes, summary.evaluatedAt)
          report.addDecided(lead, { ...summary, baseline, order })
        } else {
          job ??= pool!.begin(simulation.draftDocument, MAX_FLIPPED)
          const texts = batch.leads as string[]
          texts.push(text)
          addLogged(batch, summary, order)
          if (texts.length >= BATCH_LEADS) {
            await job.send(batch, baselines.documents)
            batch = emptyBatch()
          }
        }
        order++
      }
      if (!job) return skipped
      if (batch.versions.length > 0) await job.send(batch, baselines.documents)
      return skipped + (await absorbAll(job))
    } finally {
      job?.abandon()
    }
  }

  async function absorbAll(job: ReturnType<SimulationPool['begin']>): Promise<number> {
    let skipped = 0
    for (const part of await job.finish()) {
      report.absorb(part.snapshot)
      skipped += part.skipped
    }
    return skipped
  }
}

/** The versions that decided the logged leads: compiled here, and as documents for workers. */
class Baselines {
  readonly documents = new Map<number, VersionDocument>()
  readonly #compiled = new Map<number, CompiledRuleset | null>()

  constructor(
    private readonly evaluators: EvaluatorCache,
    private readonly rulesetId: string,
  ) {}

  /** The compiled version, or null when it cannot be loaded (its leads are skipped). */
  async of(version: number): Promise<CompiledRuleset | null> {
    const known = this.#compiled.get(version)
    if (known !== undefined) return known
    const loaded = await this.evaluators.get(this.rulesetId, version).catch(() => null)
    this.#compiled.set(version, loaded?.compiled ?? null)
    if (loaded) {
      this.documents.set(version, {
        key: `${this.rulesetId}@${version}#${loaded.contentHash}`,
        ruleset: loaded.compiled.ruleset,
      })
    }
    return loaded?.compiled ?? null
  }

  /** What `of` answered for a version it was asked about. */
  loaded(version: number): CompiledRuleset | null {
    return this.#compiled.get(version) ?? null
  }
}

/** `count` places from `from` as a batch: the lead's own bytes where the log indexed them. */
function placesBatch(places: RecordPlace[], from: number, count: number): LoggedLeads {
  const leads: LeadPlaces = { files: [], file: [], offset: [], length: [], cutAt: [] }
  const batch: LoggedLeads = { ...emptyBatch(), leads }
  const files = new Map<string, number>()
  const to = Math.min(places.length, from + count)
  for (let at = from; at < to; at++) {
    const place = places[at]!
    let file = files.get(place.file)
    if (file === undefined) {
      file = leads.files.push(place.file) - 1
      files.set(place.file, file)
    }
    leads.file.push(file)
    if (place.leadOffset !== undefined && place.leadLength !== undefined) {
      leads.offset.push(place.offset + place.leadOffset)
      leads.length.push(place.leadLength)
      leads.cutAt.push(null)
    } else {
      leads.offset.push(place.offset)
      leads.length.push(place.length)
      leads.cutAt.push(place.summary.evaluatedAt)
    }
    addLogged(batch, place.summary, at)
  }
  return batch
}

/** What the log says about a lead in the batch: its version, outcome and decision, and its place. */
function addLogged(batch: LoggedLeads, summary: DecisionSummary, order: number): void {
  batch.versions.push(summary.version)
  batch.outcomes.push(summary.outcome)
  batch.decisionIds.push(summary.decisionId)
  batch.orders.push(order)
}

function decidedOf(batch: LoggedLeads, at: number, baselines: Baselines) {
  return {
    outcome: batch.outcomes[at]!,
    baseline: baselines.loaded(batch.versions[at]!)!,
    decisionId: batch.decisionIds[at]!,
    order: batch.orders[at]!,
  }
}

/** The lead, or undefined for text that does not parse (it is counted as skipped). */
function parsed(text: string | undefined): Lead | undefined {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as Lead
  } catch {
    return undefined
  }
}

const emptyBatch = (): LoggedLeads => ({
  leads: [],
  versions: [],
  outcomes: [],
  decisionIds: [],
  orders: [],
})
