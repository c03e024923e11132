import type { AccountService } from './accounts/account-service.ts'
import type { EvaluatorCache } from './evaluation/evaluator-cache.ts'
import type { RulesetService } from './rulesets/ruleset-service.ts'
import type { FlagService } from './flags/flag-service.ts'
import type { SimulationPool } from './audit/simulation-pool.ts'
import type { DecisionLog } from './store/types.ts'

/** Everything the routes need, built once by `openServices` (or by a test). */
export interface Services {
  accounts: AccountService
  rulesets: RulesetService
  evaluators: EvaluatorCache
  decisions: DecisionLog
  /** Disputed decisions. */
  flags: FlagService
  /** Worker threads for large impact simulations; undefined: all in the calling thread. */
  simulationPool: SimulationPool | undefined
  /** Server errors with their request id go here (stderr by default). */
  log: (message: string) => void
  /** Per-request access lines; off for benchmarks. */
  accessLog: ((line: string) => void) | null
  startedAt: Date
  version: string
}
