import { parentPort } from 'node:worker_threads'
import { BatchEvaluator, type Batch, type EvaluatorConfig } from './batch-evaluator.ts'

/**
 * What the main thread sends: the settings (first, once), a batch to decide, or an output
 * buffer it has written.
 */
type Message = { config: EvaluatorConfig } | { seq: number; batch: Batch } | { spare: ArrayBuffer }

/** Runs in a worker thread: evaluates the batches the main thread sends, in order. */
let evaluator: BatchEvaluator | undefined
const encoder = new TextEncoder()
parentPort!.on('message', (message: Message) => {
  if ('config' in message) {
    evaluator = new BatchEvaluator(message.config)
    return
  }
  if (evaluator === undefined) throw new Error('a batch came before the settings')
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
