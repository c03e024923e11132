import type { InferResponseType } from 'hono/client'
import type { Outcome } from '../../engine/index.ts'
import type { client } from '../api/client.ts'

/**
 * A dispute of one decision, as the flags API answers it: someone from sales or marketing
 * says the outcome was wrong, names the rules they dispute and, optionally, the outcome
 * they expected.
 */
export type Flag = InferResponseType<
  (typeof client.api.decisions)[':decisionId']['flags']['$get'],
  200
>['flags'][number]

export type FlagStatus = Flag['status'] | 'all'

/** An open flag as a simulation of a new version sees it (/work/notes/flags-contract.md). */
export interface FlaggedImpact {
  flagId: string
  decisionId: string
  leadId: string | number | null
  comment: string
  side: Flag['side']
  suggestedOutcome: Outcome | null
  before: Outcome
  after: Outcome
  flipped: boolean
  agrees: boolean | null
  flippedBy: string | null
}
