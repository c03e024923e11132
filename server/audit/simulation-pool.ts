import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ImpactSnapshot, Outcome, Ruleset } from '../../engine/index.ts'

/** Logged leads for a worker: each lead's JSON text, with what the log says about it. */
export interface LoggedLeads {
  leads: string[]
  versions: number[]
  outcomes: Outcome[]
  decisionIds: string[]
  /** Each lead's place in the simulation's input, so examples keep the log's order. */
  orders: number[]
}

/** A ruleset version as a worker compiles it, keyed by id, version and content hash. */
export interface VersionDocument {
  key: string
  ruleset: Ruleset
}

export type PoolMessage =
  | { type: 'begin'; job: number; draft: VersionDocument; maxExamples: number }
  | {
      type: 'batch'
      job: number
      batch: LoggedLeads
      rulesets: (VersionDocument & { version: number })[]
    }
  | { type: 'end'; job: number }

export type WorkerMessage =
  | { type: 'ack'; job: number }
  | { type: 'done'; job: number; snapshot: ImpactSnapshot; skipped: number }
  | { type: 'error'; job: number; message: string }

/** The worker threads failed; the simulation can still be run in the calling thread. */
export class PoolFailure extends Error {}

/** Batches a worker may hold at once: enough to keep it busy, little enough to bound memory. */
const IN_FLIGHT = 2

interface JobShare {
  inFlight: number
  /** Baseline versions this worker has been sent for the job. */
  sent: Set<number>
}

/**
 * Worker threads that decide a simulation's logged leads in parallel, one per core, kept for
 * the life of the process (a simulation over 100,000 leads takes about a second; starting the
 * threads and compiling in them takes most of one). Each job gives every worker a share of
 * the leads in batches and folds their impact reports together at the end.
 */
export class SimulationPool {
  #workers: Worker[]
  #jobs = 0
  #listeners = new Map<number, (message: WorkerMessage, from: number) => void>()
  #failure: Error | undefined

  private constructor(entry: URL, size: number) {
    this.#workers = Array.from({ length: size }, (_, at) => {
      const worker = new Worker(entry)
      worker.unref()
      worker.on('message', (message: WorkerMessage) =>
        this.#listeners.get(message.job)?.(message, at),
      )
      worker.on('error', (error) => this.#fail(new PoolFailure(error.message)))
      worker.on('exit', () => this.#fail(new PoolFailure('a simulation worker stopped')))
      return worker
    })
  }

  /**
   * The process's pool, started on first use; undefined where worker threads cannot run the
   * TypeScript sources (the bundled CLI) or with `LEADGATE_SIMULATION_WORKERS=0`.
   */
  static shared(): SimulationPool | undefined {
    if (shared !== undefined) return shared ?? undefined
    const configured = Number(process.env.LEADGATE_SIMULATION_WORKERS ?? '')
    const size =
      Number.isInteger(configured) && configured >= 0 && process.env.LEADGATE_SIMULATION_WORKERS
        ? configured
        : Math.min(4, availableParallelism())
    const fromSource = import.meta.url.endsWith('.ts')
    shared =
      size > 0 && fromSource
        ? new SimulationPool(new URL('./simulation-worker-entry.js', import.meta.url), size)
        : null
    return shared ?? undefined
  }

  get usable(): boolean {
    return this.#failure === undefined
  }

  /** How many jobs the pool has been given. */
  get jobs(): number {
    return this.#jobs
  }

  #fail(error: Error): void {
    this.#failure ??= error
    for (const listener of this.#listeners.values()) {
      listener({ type: 'error', job: -1, message: error.message }, 0)
    }
  }

  /**
   * Starts a job deciding leads with `draft`. Send batches with `send`, then `finish` for
   * every worker's snapshot and the leads they could not read.
   */
  begin(draft: VersionDocument, maxExamples: number) {
    const job = ++this.#jobs
    let wake: (() => void) | undefined
    let failure: Error | undefined
    const results: { snapshot: ImpactSnapshot; skipped: number }[] = []
    const shares: JobShare[] = this.#workers.map(() => ({ inFlight: 0, sent: new Set() }))
    this.#listeners.set(job, (message, from) => {
      if (message.type === 'ack') shares[from]!.inFlight--
      else if (message.type === 'done') results.push(message)
      else failure ??= new PoolFailure(`simulation worker failed: ${message.message}`)
      const resume = wake
      wake = undefined
      resume?.()
    })
    const waitFor = async (done: () => boolean) => {
      while (!done()) {
        if (failure ?? this.#failure) throw failure ?? this.#failure
        await new Promise<void>((resolve) => (wake = resolve))
      }
      if (failure ?? this.#failure) throw failure ?? this.#failure
    }
    const everyWorker = (body: PoolMessage) => {
      for (const worker of this.#workers) worker.postMessage(body)
    }
    everyWorker({ type: 'begin', job, draft, maxExamples })
    return {
      send: async (batch: LoggedLeads, versions: Map<number, VersionDocument>) => {
        await waitFor(() => shares.some((share) => share.inFlight < IN_FLIGHT))
        let target = 0
        for (let at = 1; at < shares.length; at++) {
          if (shares[at]!.inFlight < shares[target]!.inFlight) target = at
        }
        const share = shares[target]!
        const rulesets = [...new Set(batch.versions)]
          .filter((version) => !share.sent.has(version))
          .map((version) => ({ version, ...versions.get(version)! }))
        for (const { version } of rulesets) share.sent.add(version)
        share.inFlight++
        this.#workers[target]!.postMessage({ type: 'batch', job, batch, rulesets } as PoolMessage)
      },
      finish: async () => {
        try {
          everyWorker({ type: 'end', job })
          await waitFor(() => results.length === this.#workers.length)
          return results
        } finally {
          this.#listeners.delete(job)
        }
      },
      abandon: () => {
        everyWorker({ type: 'end', job })
        this.#listeners.delete(job)
      },
    }
  }
}

let shared: SimulationPool | null | undefined
