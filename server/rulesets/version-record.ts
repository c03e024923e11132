import {
  RULESET_CONTENT_TYPE,
  RULESET_SCHEMA_VERSION,
  validateRuleset,
  type Ruleset,
  type RulesetIssue,
} from '../../engine/index.ts'
import { ApiError, badRequest } from '../http/api-error.ts'
import type { TransitionRecord, VersionRecord } from '../store/types.ts'
import { contentHash } from './content-hash.ts'
import { currentApprovals } from './lifecycle.ts'

/** Who did something: the user's id and, for people reading the history, the email. */
export interface Actor {
  id: string
  email: string
}

/** `"v4.r7"`: version 4 after its 7th write. */
export const etagOf = (record: VersionRecord): string => `"v${record.version}.r${record.revision}"`

/** True when an `If-Match` header names the record's current state (or is `*`). */
export function ifMatchHolds(header: string, record: VersionRecord): boolean {
  const current = etagOf(record)
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === current)
}

/**
 * Checks a ruleset document sent by a client and makes it this version's content: the
 * server's fields (id, version, status, approvals, author) are set from the record, the
 * content goes through the engine's validator, and errors come back as a 422 with JSON paths.
 */
export function acceptDocument(
  input: unknown,
  target: { id: string; version: number },
): { document: Ruleset; warnings: RulesetIssue[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('invalid_request', 'the body must be a ruleset document (a JSON object)', {
      issues: [{ path: '', message: 'expected a JSON object' }],
    })
  }
  const given = input as Record<string, unknown>
  const mismatches: RulesetIssue[] = []
  if (given.id !== undefined && given.id !== target.id) {
    mismatches.push(
      issue('id', `the document is ruleset "${target.id}", not "${String(given.id)}"`),
    )
  }
  if (given.version !== undefined && given.version !== target.version) {
    mismatches.push(
      issue('version', `this is version ${target.version}; create a new version to change another`),
    )
  }
  if (mismatches.length > 0) throw invalidRuleset(mismatches, [])
  const result = validateRuleset({
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: RULESET_SCHEMA_VERSION,
    ...given,
    id: target.id,
    version: target.version,
    status: 'draft',
    approvals: [],
  })
  if (!result.ok) throw invalidRuleset(result.errors, result.warnings)
  return { document: result.ruleset, warnings: result.warnings }
}

const issue = (path: string, message: string): RulesetIssue => ({
  path,
  message,
  severity: 'error',
  code: 'mismatch',
})

export function invalidRuleset(errors: RulesetIssue[], warnings: RulesetIssue[]): ApiError {
  const first = errors[0]
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  return new ApiError(
    422,
    'invalid_ruleset',
    `the ruleset is not valid: ${first ? `${first.path || '(ruleset)'}: ${first.message}` : ''}${more}`,
    { issues: errors, warnings },
  )
}

/** Sets the fields derived from others: content hash and the document's mirror of the record. */
export function settle(record: VersionRecord): VersionRecord {
  record.contentHash = contentHash(record.document)
  record.document = {
    ...record.document,
    id: record.rulesetId,
    version: record.version,
    status: record.status,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    approvals: currentApprovals(record).map(({ role, email, at, note }) => ({
      role,
      by: email,
      at,
      ...(note === undefined ? {} : { note }),
    })),
  }
  return record
}

export function historyEntry(
  action: TransitionRecord['action'],
  from: TransitionRecord['from'],
  to: TransitionRecord['to'],
  actor: Actor,
  at: string,
  note: string | undefined,
): TransitionRecord {
  return { action, from, to, by: actor.id, email: actor.email, at, ...(note ? { note } : {}) }
}
