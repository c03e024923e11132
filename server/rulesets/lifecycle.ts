import type { RulesetStatus } from '../../engine/index.ts'
import type { Principal } from '../accounts/principal.ts'
import { conflict, forbidden, badRequest } from '../http/api-error.ts'
import type { ApprovalRecord, Role, VersionRecord } from '../store/types.ts'

export type Transition = 'submit' | 'approve' | 'reopen' | 'publish' | 'archive'

/** Which statuses each transition starts from. */
const allowedFrom: Record<Transition, readonly RulesetStatus[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  reopen: ['in_review', 'approved'],
  publish: ['approved'],
  archive: ['draft', 'in_review', 'approved', 'published'],
}

export function assertTransitionAllowed(record: VersionRecord, transition: Transition): void {
  if (!allowedFrom[transition].includes(record.status)) {
    throw conflict(
      'invalid_transition',
      `version ${record.version} is ${record.status}; ${transition} needs it to be ${allowedFrom[transition].join(' or ')}`,
      { status: record.status, transition, allowedFrom: allowedFrom[transition] },
    )
  }
}

/** Approvals that still count: given on the version's current content. */
export const currentApprovals = (record: VersionRecord): ApprovalRecord[] =>
  record.approvals.filter((approval) => approval.contentHash === record.contentHash)

/** Both sides signed the current content, and not as one person. */
export function signOffComplete(record: VersionRecord): boolean {
  const approvals = currentApprovals(record)
  const marketing = approvals.find((approval) => approval.role === 'marketing')
  const sales = approvals.find((approval) => approval.role === 'sales')
  return marketing !== undefined && sales !== undefined && marketing.userId !== sales.userId
}

/**
 * Which side a user signs for. A user holding both roles must say which; an admin without
 * either cannot sign: sign-off is the two teams' agreement, not an administrator's.
 */
export function approvalRole(
  principal: Extract<Principal, { kind: 'user' }>,
  requested: 'marketing' | 'sales' | undefined,
): 'marketing' | 'sales' {
  const held = (['marketing', 'sales'] as const).filter((role) =>
    principal.roles.includes(role as Role),
  )
  if (requested !== undefined) {
    if (!held.includes(requested)) {
      throw forbidden(`approving for ${requested} needs the ${requested} role`, {
        needs: [requested],
      })
    }
    return requested
  }
  if (held.length === 0) {
    throw forbidden('approving needs the marketing or sales role', {
      needs: ['marketing', 'sales'],
    })
  }
  if (held.length > 1) {
    throw badRequest('role_required', 'you hold both roles: say which side you approve for', {
      issues: [{ path: 'role', message: 'use "marketing" or "sales"' }],
    })
  }
  return held[0]!
}

/** Refuses a second approval for a side, and one person signing for both sides. */
export function assertCanApprove(
  record: VersionRecord,
  principal: Extract<Principal, { kind: 'user' }>,
  role: 'marketing' | 'sales',
): void {
  const approvals = currentApprovals(record)
  const sameSide = approvals.find((approval) => approval.role === role)
  if (sameSide) {
    throw conflict(
      'already_approved',
      `${role} already approved this content (${sameSide.email})`,
      {
        approval: { role, email: sameSide.email, at: sameSide.at },
      },
    )
  }
  const otherSide = approvals.find((approval) => approval.role !== role)
  if (otherSide?.userId === principal.id) {
    throw forbidden(
      `you approved this version for ${otherSide.role}; the ${role} approval must come from a different person`,
      { rule: 'two_people' },
    )
  }
}

export function assertPublishable(record: VersionRecord): void {
  if (!signOffComplete(record)) {
    throw conflict(
      'sign_off_missing',
      'publishing needs a marketing approval and a sales approval by two different people on this exact content',
      { approvals: currentApprovals(record).map(({ role, email, at }) => ({ role, email, at })) },
    )
  }
}
