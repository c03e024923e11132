import type { Outcome } from '../../engine/index.ts'

/**
 * A dispute of one decision, as the flags API answers it (/work/notes/flags-contract.md):
 * someone from sales or marketing says the outcome was wrong, names the rules they dispute
 * and, optionally, the outcome they expected.
 */
export interface Flag {
  flagId: string
  decisionId: string
  rulesetId: string
  version: number
  leadId: string | number | null
  outcome: Outcome
  suggestedOutcome: Outcome | null
  ruleIds: string[]
  comment: string
  side: 'sales' | 'marketing' | 'admin'
  createdBy: { id: string; name: string }
  createdAt: string
  status: 'open' | 'resolved' | 'dismissed'
  resolution: null | { note: string; by: { id: string; name: string }; at: string }
}

/** An open flag as a simulation of a new version sees it. */
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
