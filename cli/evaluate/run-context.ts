import type { LeadMapper, Ruleset } from '../../engine/index.ts'
import type { DecisionWriter } from '../output/decision-writer.ts'
import type { Progress } from '../output/progress.ts'
import type { RunSummary } from '../output/run-summary.ts'
import type { EvaluatorConfig } from './batch-evaluator.ts'
import {
  inlineEvaluation,
  poolEvaluation,
  type Evaluation,
  type ResultSink,
  type WorkerThreads,
} from './evaluation-pool.ts'

/** What a run of `leadgate evaluate` reads its input with and hands its decisions to. */
export interface RunContext {
  ruleset: Ruleset
  mapper: LeadMapper | undefined
  /** The input as messages name it: its path, or "standard input". */
  source: string
  warn: (message: string) => void
  /** Worker threads (started by `startWorkers`); none decides in the main thread. */
  threads: WorkerThreads | undefined
  /** The evaluator settings that do not depend on the input. */
  settings: Omit<EvaluatorConfig, 'mapping' | 'header' | 'csv'>
  summary: RunSummary
  progress: Progress
  writer: DecisionWriter
}

/** Starts deciding, on the context's worker threads or in this thread. */
export function startEvaluation(
  context: RunContext,
  config: EvaluatorConfig,
  sink: ResultSink,
): Evaluation {
  return context.threads
    ? poolEvaluation(config, context.threads, sink)
    : inlineEvaluation(config, sink)
}
