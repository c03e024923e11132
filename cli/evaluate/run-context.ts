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
} from './evaluation-pool.ts'

/** What a run of `leadgate evaluate` reads its input with and hands its decisions to. */
export interface RunContext {
  ruleset: Ruleset
  mapper: LeadMapper | undefined
  /** The input as messages name it: its path, or "standard input". */
  source: string
  warn: (message: string) => void
  /** Worker threads; 0 decides in the main thread. */
  workers: number
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
  return context.workers > 0
    ? poolEvaluation(config, context.workers, sink)
    : inlineEvaluation(config, sink)
}
