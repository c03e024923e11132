import { parentPort, workerData } from 'node:worker_threads'
import { BatchEvaluator, type Batch, type EvaluatorConfig } from './batch-evaluator.ts'

/** What the main thread sends: a batch to decide, or an output buffer it has written. */
type Message = { seq: number; batch: Batch } | { spare: ArrayBuffer }

/** Runs in a worker thread: evaluates the batches the main thread sends, in order. */
const evaluator = new BatchEvaluator(workerData as EvaluatorConfig)
const encoder = new TextEncoder()
parentPort!.on('message', (message: Message) => {
  if ('spare' in message) return evaluator.reuse(message.spare)
  const { seq, batch } = message
  try {
    const { text, ...rest } = evaluator.evaluate(batch)
    // Encoded here and transferred, not copied: the main thread writes the bytes as they are.
    const bytes = typeof text === 'string' ? encoder.encode(text) : text
    parentPort!.postMessage({ seq, text: bytes, ...rest }, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ seq, error: (error as Error).stack ?? String(error) })
  }
})
