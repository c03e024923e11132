import type { InferResponseType } from 'hono/client'
import type { client } from '../api/client.ts'
import type { Simulation } from '../api/types.ts'

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

/** An open flag as a simulation of a new version sees it: its lead decided again. */
export type FlaggedImpact = Simulation['flagged'][number]
