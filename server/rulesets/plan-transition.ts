import type { RulesetStatus } from '../../engine/index.ts'
import type { Principal } from '../accounts/principal.ts'
import type { VersionChange, VersionRecord } from '../store/types.ts'
import {
  approvalRole,
  assertCanApprove,
  assertPublishable,
  assertTransitionAllowed,
  signOffComplete,
  type Transition,
} from './lifecycle.ts'
import { historyEntry, settle } from './version-record.ts'

export interface TransitionRequest {
  transition: Transition
  note?: string
  role?: 'marketing' | 'sales'
  by: Extract<Principal, { kind: 'user' }>
  at: string
}

/**
 * The store writes one transition makes, worked out from what was read: the version after it
 * and, when publishing, the previously published version archived. Pure: it throws the
 * sign-off rules' errors and touches no store, so the caller can apply the writes atomically.
 *
 * @example
 * const changes = planTransition(current, publishedNow, { transition: 'publish', by: user, at })
 * await store.replaceVersions(changes)
 */
export function planTransition(
  current: VersionRecord,
  published: VersionRecord | undefined,
  request: TransitionRequest,
): VersionChange[] {
  const { transition, by, at, note } = request
  assertTransitionAllowed(current, transition)
  const actor = { id: by.id, email: by.email }
  const next = touched(current, actor.email, at)
  const changes: VersionChange[] = [{ next, expectedRevision: current.revision }]
  let to: RulesetStatus
  switch (transition) {
    case 'submit':
      // Approvals survive a reopen while the content stays the same.
      to = signOffComplete(current) ? 'approved' : 'in_review'
      break
    case 'approve': {
      const role = approvalRole(by, request.role)
      assertCanApprove(current, by, role)
      next.approvals = [
        ...next.approvals.filter((approval) => approval.role !== role),
        {
          role,
          userId: actor.id,
          email: actor.email,
          at,
          contentHash: current.contentHash,
          ...(note ? { note } : {}),
        },
      ]
      to = signOffComplete(next) ? 'approved' : 'in_review'
      break
    }
    case 'reopen':
      to = 'draft'
      break
    case 'publish':
      assertPublishable(current)
      to = 'published'
      if (published && published.version !== current.version) {
        const archived = touched(published, actor.email, at)
        archived.status = 'archived'
        archived.history.push(
          historyEntry(
            'archive',
            'published',
            'archived',
            actor,
            at,
            `replaced by version ${current.version}`,
          ),
        )
        changes.push({ next: settle(archived), expectedRevision: published.revision })
      }
      break
    case 'archive':
      to = 'archived'
      break
  }
  next.status = to
  next.history.push(historyEntry(transition, current.status, to, actor, at, note))
  settle(next)
  return changes
}

/** A copy of the record one write later. */
function touched(record: VersionRecord, email: string, at: string): VersionRecord {
  const next = structuredClone(record)
  next.revision++
  next.updatedAt = at
  next.updatedBy = email
  return next
}
