import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ImpactSnapshot, Outcome, Ruleset } from '../../engine/index.ts'
import type { LeadPlaces } from './lead-file-reader.ts'

/** Logged leads for a worker, with what the log says about each. */
export interface LoggedLeads {
  /** Each lead's JSON text, or where in the log's files the worker reads it. */
  leads: string[] | LeadPlaces
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

/** One worker per core, at most four: past that, reading the log is the limit. */
export const defaultSimulationWorkers = (): number => Math.min(4, availableParallelism())

/**
 * Worker threads that decide a simulation's logged leads in parallel, started on first use and
 * kept until `close` (starting them and compiling in them takes most of a second). Each job
 * gives every worker a share of the leads in batches and folds their impact reports together
 * at the end. The threads keep the process alive only while a job runs.
 *
 * @example
 * const pool = SimulationPool.create(2) // undefined for 0, or where workers cannot run TypeScript
 * await simulateVersion({ evaluators, decisions, simulationPool: pool }, input)
 * await pool?.close()
 */
export class SimulationPool {
  #workers: Worker[] | undefined
  #jobs = 0
  #running = 0
  #listeners = new Map<number, (message: WorkerMessage, from: number) => void>()
  #failure: Error | undefined

  private constructor(
    private readonly entry: URL,
    readonly size: number,
  ) {}

  /**
   * A pool of `size` workers, or undefined for 0 or where worker threads cannot run the
   * TypeScript sources (the bundled CLI).
   */
  static create(size = defaultSimulationWorkers()): SimulationPool | undefined {
    if (!Number.isInteger(size) || size < 0) {
      throw new RangeError(`a simulation pool has a whole number of workers, not ${size}`)
    }
    const fromSource = import.meta.url.endsWith('.ts')
    return size > 0 && fromSource
      ? new SimulationPool(new URL('./simulation-worker-entry.js', import.meta.url), size)
      : undefined
  }

  get usable(): boolean {
    return this.#failure === undefined
  }

  /** How many jobs the pool has been given. */
  get jobs(): number {
    return this.#jobs
  }

  /** Stops the workers; a job still running fails with `PoolFailure`. */
  async close(): Promise<void> {
    const workers = this.#workers ?? []
    this.#fail(new PoolFailure('the simulation pool is closed'))
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  #start(): Worker[] {
    this.#workers ??= Array.from({ length: this.size }, (_, at) => {
      const worker = new Worker(this.entry)
      worker.on('message', (message: WorkerMessage) =>
        this.#listeners.get(message.job)?.(message, at),
      )
      worker.on('error', (error) => this.#fail(new PoolFailure(error.message)))
      worker.on('exit', () => this.#fail(new PoolFailure('a simulation worker stopped')))
      // After the listeners: adding a 'message' listener refs the worker again.
      worker.unref()
      return worker
    })
    return this.#workers
  }

  #fail(error: Error): void {
    this.#failure ??= error
    for (const listener of this.#listeners.values()) {
      listener({ type: 'error', job: -1, message: error.message }, 0)
    }
  }

  /** While a job runs its caller waits on the workers: they must keep the process alive. */
  #hold(workers: Worker[], running: 1 | -1): void {
    this.#running += running
    if (this.#running === 1 && running === 1) for (const worker of workers) worker.ref()
    if (this.#running === 0) for (const worker of workers) worker.unref()
  }

  /**
   * Starts a job deciding leads with `draft`. Send batches with `send`, then `finish` for
   * every worker's snapshot and the leads they could not read; `abandon` if the caller stops.
   */
  begin(draft: VersionDocument, maxExamples: number) {
    if (this.#failure) throw this.#failure
    const workers = this.#start()
    const job = ++this.#jobs
    let wake: (() => void) | undefined
    let failure: Error | undefined
    const results: { snapshot: ImpactSnapshot; skipped: number }[] = []
    const shares: JobShare[] = workers.map(() => ({ inFlight: 0, sent: new Set() }))
    this.#listeners.set(job, (message, from) => {
      if (message.type === 'ack') shares[from]!.inFlight--
      else if (message.type === 'done') results.push(message)
      else failure ??= new PoolFailure(`simulation worker failed: ${message.message}`)
      const resume = wake
      wake = undefined
      resume?.()
    })
    this.#hold(workers, 1)
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      this.#listeners.delete(job)
      this.#hold(workers, -1)
    }
    const waitFor = async (done: () => boolean) => {
      while (!done()) {
        if (failure ?? this.#failure) throw failure ?? this.#failure
        await new Promise<void>((resolve) => (wake = resolve))
      }
      if (failure ?? this.#failure) throw failure ?? this.#failure
    }
    const everyWorker = (body: PoolMessage) => {
      for (const worker of workers) worker.postMessage(body)
    }
    everyWorker({ type: 'begin', job, draft, maxExamples })
    return {
      /** Whether a worker can take another batch now (`send` would not wait). */
      hasRoom: () =>
        // A failed job has room: the next `send` reports the failure at once.
        (failure ?? this.#failure) !== undefined ||
        shares.some((share) => share.inFlight < IN_FLIGHT),
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
        workers[target]!.postMessage({ type: 'batch', job, batch, rulesets } as PoolMessage)
      },
      finish: async () => {
        try {
          everyWorker({ type: 'end', job })
          await waitFor(() => results.length === workers.length)
          return results
        } finally {
          end()
        }
      },
      abandon: () => {
        if (ended) return
        everyWorker({ type: 'end', job })
        end()
      },
    }
  }
}
