import { parentPort, workerData } from 'node:worker_threads'
import { BatchEvaluator, type Batch, type EvaluatorConfig } from './batch-evaluator.ts'

/** Runs in a worker thread: evaluates the batches the main thread sends, in order. */
const evaluator = new BatchEvaluator(workerData as EvaluatorConfig)
parentPort!.on('message', ({ seq, batch }: { seq: number; batch: Batch }) => {
  try {
    parentPort!.postMessage({ seq, ...evaluator.evaluate(batch) })
  } catch (error) {
    parentPort!.postMessage({ seq, error: (error as Error).stack ?? String(error) })
  }
})
