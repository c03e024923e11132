import type { Outcome } from '../../engine/index.ts'
import type { Principal } from '../accounts/principal.ts'
import type { EvaluatorCache } from '../evaluation/evaluator-cache.ts'
import { ApiError, conflict, notFound } from '../http/api-error.ts'
import { randomId } from '../accounts/tokens.ts'
import type { RulesetService } from '../rulesets/ruleset-service.ts'
import {
  StoreConflictError,
  type DecisionLog,
  type FlagRecord,
  type FlagStatus,
  type FlagStore,
} from '../store/types.ts'

type User = Extract<Principal, { kind: 'user' }>

export interface NewFlag {
  comment: string
  suggestedOutcome?: Outcome | null | undefined
  ruleIds?: string[] | undefined
}

/** The parts of a logged decision a flag copies, so it reads on its own after retention. */
interface DecisionHead {
  decisionId: string
  leadId: string | number | null
  ruleset: { id: string; version: number }
  outcome: Outcome
}

export const decisionNotFound = (decisionId: string) =>
  notFound('decision_not_found', `no decision "${decisionId}" in the log`, { decisionId })

/**
 * The dispute loop: someone says a decision was wrong (with a comment, the outcome it should
 * have had and the rules they blame), rule owners resolve or dismiss it with a note. A person
 * has at most one open flag per decision.
 *
 * @example
 * const flag = await flags.raise('d01j…', { comment: 'Signed pilot, 45 seats' }, user)
 * await flags.close(flag.flagId, 'resolved', 'Floor lowered to 40 in v4', otherUser)
 */
export class FlagService {
  constructor(
    private readonly store: FlagStore,
    private readonly decisions: DecisionLog,
    private readonly evaluators: EvaluatorCache,
    private readonly rulesets: RulesetService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async raise(decisionId: string, input: NewFlag, user: User): Promise<FlagRecord> {
    const json = await this.decisions.getJson(decisionId)
    if (json === undefined) throw decisionNotFound(decisionId)
    const decision = JSON.parse(json) as DecisionHead
    const ruleIds = [...new Set(input.ruleIds ?? [])]
    if (ruleIds.length > 0) await this.checkRules(decision, input.ruleIds ?? [])
    const flag: FlagRecord = {
      flagId: randomId('flg'),
      decisionId,
      rulesetId: decision.ruleset.id,
      version: decision.ruleset.version,
      leadId: decision.leadId ?? null,
      outcome: decision.outcome,
      suggestedOutcome: input.suggestedOutcome ?? null,
      ruleIds,
      comment: input.comment,
      side: sideOf(user),
      createdBy: { id: user.id, name: user.name },
      createdAt: this.clock().toISOString(),
      status: 'open',
      resolution: null,
    }
    try {
      await this.store.createFlag(flag)
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw conflict(
          'already_flagged',
          'you already have an open flag on this decision; add to it once it is resolved or dismissed',
          { decisionId },
        )
      }
      throw error
    }
    return flag
  }

  /** Flags on one decision, newest first; 404 when neither the decision nor a flag is known. */
  async ofDecision(decisionId: string): Promise<FlagRecord[]> {
    const flags = await this.store.listDecisionFlags(decisionId)
    if (flags.length === 0 && (await this.decisions.getJson(decisionId)) === undefined) {
      throw decisionNotFound(decisionId)
    }
    return flags
  }

  async ofRuleset(rulesetId: string, status: FlagStatus | 'all'): Promise<FlagRecord[]> {
    await this.rulesets.versions(rulesetId)
    return this.store.listRulesetFlags(rulesetId, status === 'all' ? undefined : status)
  }

  async close(
    flagId: string,
    status: Exclude<FlagStatus, 'open'>,
    note: string,
    user: User,
  ): Promise<FlagRecord> {
    const resolution = {
      note,
      by: { id: user.id, name: user.name },
      at: this.clock().toISOString(),
    }
    try {
      const closed = await this.store.closeFlag(flagId, status, resolution)
      if (closed) return closed
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error
      const current = await this.store.getFlag(flagId)
      throw conflict('flag_closed', `flag ${flagId} is ${current?.status ?? 'closed'} already`, {
        flagId,
        status: current?.status ?? null,
      })
    }
    throw notFound('flag_not_found', `no flag "${flagId}"`, { flagId })
  }

  /** Every disputed rule must be a rule of the version that decided. */
  private async checkRules(decision: DecisionHead, ruleIds: string[]): Promise<void> {
    const { id, version } = decision.ruleset
    const known = await this.evaluators
      .get(id, version)
      .then((compiled) => new Set(compiled.compiled.ruleset.rules.map((rule) => rule.id)))
      .catch(() => new Set<string>())
    const issues = ruleIds
      .map((ruleId, at) => ({ ruleId, at }))
      .filter(({ ruleId }) => !known.has(ruleId))
      .map(({ ruleId, at }) => ({
        path: `ruleIds[${at}]`,
        message: `"${ruleId}" is not a rule of ${id} version ${version}`,
      }))
    if (issues.length > 0) {
      throw new ApiError(
        422,
        'unknown_rule',
        issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
        { issues },
      )
    }
  }
}

/**
 * The side a flag speaks for. Someone holding both approver roles counts as sales: disputes are
 * mostly sales pushing back on rejected leads, and sales owns the rules that reject.
 */
function sideOf(user: User): FlagRecord['side'] {
  if (user.roles.includes('sales')) return 'sales'
  if (user.roles.includes('marketing')) return 'marketing'
  return 'admin'
}
