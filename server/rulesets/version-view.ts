import type { RulesetIssue } from '../../engine/index.ts'
import type { VersionRecord } from '../store/types.ts'
import { currentApprovals, signOffComplete } from './lifecycle.ts'
import { etagOf } from './version-record.ts'

/** A version as the API shows it: the record's state, sign-off at a glance, and the document. */
export function versionView(record: VersionRecord, warnings: RulesetIssue[]) {
  return {
    ...versionSummary(record),
    history: record.history,
    warnings,
    ruleset: record.document,
  }
}

export function versionSummary(record: VersionRecord) {
  const current = currentApprovals(record)
  return {
    rulesetId: record.rulesetId,
    version: record.version,
    status: record.status,
    etag: etagOf(record),
    contentHash: record.contentHash,
    basedOn: record.basedOn,
    name: record.document.name,
    changeNote: record.document.changeNote ?? null,
    approvals: record.approvals.map((approval) => ({
      role: approval.role,
      userId: approval.userId,
      email: approval.email,
      at: approval.at,
      ...(approval.note === undefined ? {} : { note: approval.note }),
      current: current.includes(approval),
    })),
    signOff: {
      marketing: current.some((approval) => approval.role === 'marketing'),
      sales: current.some((approval) => approval.role === 'sales'),
      complete: signOffComplete(record),
    },
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt,
  }
}
