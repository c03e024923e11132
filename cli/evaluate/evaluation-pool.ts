import { setFlagsFromString } from 'node:v8'
import { Worker } from 'node:worker_threads'
import {
  BatchEvaluator,
  type Batch,
  type BatchResult,
  type EvaluatorConfig,
} from './batch-evaluator.ts'

/** Receives results in input order; may answer a promise to make the pool wait (backpressure). */
export type ResultSink = (result: BatchResult) => Promise<void> | undefined

export interface Evaluation {
  submit(batch: Batch): Promise<void>
  /** Waits for every submitted batch to be delivered. */
  finish(): Promise<void>
  close(): Promise<void>
}

/** Evaluates in the calling thread: for small inputs, where starting workers costs more. */
export function inlineEvaluation(config: EvaluatorConfig, sink: ResultSink): Evaluation {
  const evaluator = new BatchEvaluator(config)
  return {
    async submit(batch) {
      await sink(evaluator.evaluate(batch))
    },
    async finish() {},
    async close() {},
  }
}

/** Bytecodes TurboFan may inline into one optimized function (V8's default: 920). */
const INLINING_BUDGET = 300

/** Worker threads started before the run's settings are known; `poolEvaluation` uses them. */
export interface WorkerThreads {
  readonly workers: readonly Worker[]
  /** The first error a worker reported before a pool listened to it. */
  readonly failure: () => Error | undefined
  /** Stops every worker; safe to call more than once. */
  terminate(): Promise<void>
}

/**
 * Starts `size` worker threads that load the evaluator and wait for its settings: started
 * first, they load while this thread reads the ruleset, the mapping and the input's header
 * (the ~45 ms a worker takes to start no longer adds to the run).
 *
 * @example
 * const threads = startWorkers(2)
 * try { ... poolEvaluation(config, threads, sink) ... } finally { await threads.terminate() }
 */
export function startWorkers(size: number): WorkerThreads {
  // A worker's optimizing compiler spent 0.75-1.05 s compiling the evaluator, as long as the
  // worker then took deciding 40,000-50,000 leads: most of it on inlining callees into the
  // few large functions that decide a lead. With a third of V8's default inlining budget (920
  // bytecodes) compiling took half as long and the compiled code decided leads as fast;
  // the whole run took 8% less time and CPU (100,000 leads, median of 12 runs). V8's flags
  // are the process's: from here on this thread's code is compiled so too. It changes how
  // much is inlined, never what the code does.
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`)
  // Bundled (dist/cli/*.mjs) the worker is a sibling bundle; from source it needs tsx first.
  const entry = import.meta.url.endsWith('.mjs')
    ? new URL('./evaluation-worker.mjs', import.meta.url)
    : new URL('./worker-entry.js', import.meta.url)
  // A bounded young generation keeps each worker's memory flat (batches are short-lived
  // garbage). Workers that parse CSV ranges themselves make more of it: with two of them on
  // 100,000 leads, 16 MB took ~10% less CPU than 8 MB for 15 MB more peak memory; V8's
  // default (no limit) no less CPU than 16 MB, for 20 MB more.
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(entry, {
        resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 48 },
      }),
  )
  let failure: Error | undefined
  for (const worker of workers) worker.on('error', (error) => (failure ??= error))
  let ended: Promise<void> | undefined
  return {
    workers,
    failure: () => failure,
    terminate: () =>
      (ended ??= Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined)),
  }
}

/**
 * Spreads batches over worker threads (from `startWorkers`), and hands the results to `sink`
 * in the order the batches were submitted, so output order equals input order. At most six
 * batches per worker are in flight, which keeps memory flat however large the input.
 *
 * @example
 * const pool = poolEvaluation(config, startWorkers(2), (result) => writer.write(result.text))
 * for (const batch of batches) await pool.submit(batch)
 * await pool.finish()
 */
export function poolEvaluation(
  config: EvaluatorConfig,
  threads: WorkerThreads,
  sink: ResultSink,
): Evaluation {
  const { workers } = threads
  const size = workers.length
  // Messages arrive in order: the settings before any batch.
  for (const worker of workers) worker.postMessage({ config })
  const inFlight = new Array<number>(size).fill(0)
  const ready = new Map<number, BatchResult>()
  // Output goes out in input order, so a worker the system holds back for a moment stalls
  // the others once they run out of batches: six each (~4 MB of output with CSV ranges)
  // let them run on. Measured on a busy 2-core machine: 15% faster than two each.
  const maxInFlight = size * 6
  let submitted = 0
  let delivered = 0
  let failure: Error | undefined = threads.failure()
  let blocked: Promise<void> | undefined
  let wake: (() => void) | undefined

  const signal = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const deliver = () => {
    while (!blocked && ready.has(delivered)) {
      const result = ready.get(delivered)!
      ready.delete(delivered)
      delivered++
      let pause: Promise<void> | undefined
      try {
        pause = sink(result)
      } catch (error) {
        // Called from a worker's message event: a throw here would end the process.
        failure ??= error as Error
        break
      }
      if (pause) {
        blocked = pause.then(() => {
          blocked = undefined
          deliver()
        })
      }
    }
    signal()
  }
  workers.forEach((worker, at) => {
    worker.on('message', (message: { seq: number; error?: string } & BatchResult) => {
      inFlight[at]!--
      if (message.error !== undefined) {
        failure ??= new Error(message.error)
      } else {
        const { text } = message
        // Once written, the bytes go back to be filled again: without that, the main thread
        // holds tens of MB of written buffers between its rare garbage collections.
        if (typeof text !== 'string' && text.byteLength > 0) {
          const buffer = text.buffer as ArrayBuffer
          message.release = () => worker.postMessage({ spare: buffer }, [buffer])
        }
        ready.set(message.seq, message)
      }
      deliver()
    })
    worker.on('error', (error) => {
      failure ??= error
      signal()
    })
  })
  const waitFor = async (done: () => boolean) => {
    while (!done()) {
      if (failure) throw failure
      await new Promise<void>((resolve) => (wake = resolve))
      if (blocked) await blocked
    }
    if (failure) throw failure
  }

  return {
    async submit(batch) {
      await waitFor(() => submitted - delivered < maxInFlight)
      let target = 0
      for (let at = 1; at < size; at++) if (inFlight[at]! < inFlight[target]!) target = at
      inFlight[target]!++
      // A CSV range's bytes move to the worker instead of being copied.
      const transfer = 'csv' in batch ? [batch.csv.buffer as ArrayBuffer] : []
      workers[target]!.postMessage({ seq: submitted++, batch }, transfer)
    },
    async finish() {
      await waitFor(() => delivered === submitted)
      if (blocked) await blocked
    },
    close: () => threads.terminate(),
  }
}
