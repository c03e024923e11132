import type { Outcome, Ruleset, RulesetStatus } from '../../engine/index.ts'

/**
 * The storage contracts. The embedded stores (lowdb files and the NDJSON decision log) and a
 * database store implement the same interfaces; every method is async and every write that
 * can race is a compare-and-set, so a store shared by several server processes stays correct.
 */

export const roles = ['admin', 'marketing', 'sales', 'viewer'] as const
export type Role = (typeof roles)[number]

export interface UserRecord {
  id: string
  email: string
  name: string
  roles: Role[]
  passwordHash: string
  disabled: boolean
  createdAt: string
  updatedAt: string
}

export interface SessionRecord {
  /** sha256 of the cookie token: a stolen store file does not yield usable sessions. */
  tokenHash: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface ApiKeyRecord {
  id: string
  name: string
  scope: 'evaluate'
  /** sha256 of the secret part; keys are long random strings, so a slow hash adds nothing. */
  secretHash: string
  createdBy: string
  createdAt: string
  revokedAt: string | null
  /** When the key last passed authentication, to the minute; absent until first used. */
  lastUsedAt?: string | null
}

export interface UserStore {
  countUsers(): Promise<number>
  listUsers(): Promise<UserRecord[]>
  getUser(id: string): Promise<UserRecord | undefined>
  findUserByEmail(email: string): Promise<UserRecord | undefined>
  /** Throws `StoreConflictError` when the email is taken. */
  createUser(user: UserRecord): Promise<void>
  /** Throws `StoreConflictError` when the new email is taken; undefined when the user is gone. */
  updateUser(id: string, patch: Partial<Omit<UserRecord, 'id'>>): Promise<UserRecord | undefined>
  deleteUser(id: string): Promise<boolean>
}

export interface SessionStore {
  createSession(session: SessionRecord): Promise<void>
  getSession(tokenHash: string): Promise<SessionRecord | undefined>
  deleteSession(tokenHash: string): Promise<void>
  deleteUserSessions(userId: string): Promise<void>
  deleteExpiredSessions(now: Date): Promise<void>
}

export interface ApiKeyStore {
  createKey(key: ApiKeyRecord): Promise<void>
  listKeys(): Promise<ApiKeyRecord[]>
  getKey(id: string): Promise<ApiKeyRecord | undefined>
  revokeKey(id: string, at: string): Promise<ApiKeyRecord | undefined>
  /** Records a use of the key; never moves `lastUsedAt` back (processes report out of order). */
  touchKey(id: string, at: string): Promise<void>
}

/** A sign-off on one exact content of a version. */
export interface ApprovalRecord {
  role: 'marketing' | 'sales'
  userId: string
  email: string
  at: string
  note?: string
  /** The content the approver saw; an approval on other content does not count. */
  contentHash: string
}

export const versionActions = [
  'create',
  'edit',
  'submit',
  'approve',
  'reopen',
  'publish',
  'archive',
  'withdraw',
] as const
export type VersionAction = (typeof versionActions)[number]

export interface TransitionRecord {
  action: VersionAction
  from: RulesetStatus | null
  to: RulesetStatus
  by: string
  email: string
  at: string
  note?: string
}

export interface VersionRecord {
  rulesetId: string
  version: number
  status: RulesetStatus
  /** Bumped by every write; the ETag, and the compare-and-set token. */
  revision: number
  /** sha256 of the decision-relevant content (everything but status and sign-off). */
  contentHash: string
  document: Ruleset
  approvals: ApprovalRecord[]
  history: TransitionRecord[]
  basedOn: number | null
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface VersionChange {
  next: VersionRecord
  /** The revision the caller read; the change fails if the stored one differs. */
  expectedRevision: number
}

export interface RulesetStore {
  listRulesetIds(): Promise<string[]>
  /** All versions of one ruleset, oldest first; empty when the ruleset does not exist. */
  listVersions(rulesetId: string): Promise<VersionRecord[]>
  getVersion(rulesetId: string, version: number): Promise<VersionRecord | undefined>
  getPublished(rulesetId: string): Promise<VersionRecord | undefined>
  /** Throws `StoreConflictError` when that version already exists. */
  insertVersion(record: VersionRecord): Promise<void>
  /**
   * Applies every change or none: throws `StoreConflictError` when any stored revision differs
   * from `expectedRevision`, or when a ruleset would end up with two published versions.
   * Publishing uses it to archive the old version in the same step.
   */
  replaceVersions(changes: VersionChange[]): Promise<void>
  /** Called after a version of a ruleset changed, in this process or (database) another. */
  onChange(listener: (rulesetId: string) => void): () => void
}

/** What the decision log indexes; the full record is kept as its JSON text. */
export interface DecisionSummary {
  decisionId: string
  leadId: string | number | null
  rulesetId: string
  version: number
  outcome: Outcome
  score: number
  evaluatedAt: string
  /** Contact email as logged (masked when contact masking is on); null when the lead had none. */
  email?: string | null
  /** Company name as logged; null when the lead had none. */
  company?: string | null
  /** Rule ids of the decision's reasons, for "rejected because of rule X" searches. */
  reasonIds?: string[]
}

export interface DecisionEntry extends DecisionSummary {
  /** The stored record as one JSON line (no newline): decision with full trace, lead, source. */
  json: string
}

export interface DecisionQuery {
  leadId?: string
  outcome?: Outcome
  rulesetId?: string
  version?: number
  /** ISO timestamps; from inclusive, to exclusive. */
  from?: string
  to?: string
  /** Exact contact email, case-insensitive. */
  email?: string
  /** Part of the company name, case-insensitive. */
  company?: string
  /** A rule id among the decision's reasons. */
  reason?: string
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string
  limit: number
}

/** A search hit: the summary with its search fields always present. */
export type DecisionHit = Required<DecisionSummary>

/** A search without paging: for exports, simulations and retention. */
export type DecisionFilter = Omit<DecisionQuery, 'cursor' | 'limit'>

/** One stored record with its index fields. */
export interface StoredRecord {
  summary: DecisionSummary
  /** The record's JSON as UTF-8 bytes; only valid until the next record is asked for. */
  bytes: Buffer
}

/**
 * Where one stored record's bytes are in a file of the log, for a reader in another thread:
 * the simulation's workers read the leads themselves instead of being sent them.
 */
export interface RecordPlace {
  summary: DecisionSummary
  /** The file holding the record. */
  file: string
  /** The record's bytes in the file (without its newline). */
  offset: number
  length: number
  /** The lead's bytes inside the record, from its start; absent when the log did not index them. */
  leadOffset?: number
  leadLength?: number
}

export interface DecisionPage {
  items: DecisionHit[]
  nextCursor: string | null
}

export interface DecisionLogStats {
  decisions: number
  segments: number
  bytes: number
}

export interface DecisionLog {
  /** Resolves once every entry is durable (group-committed with concurrent appends). */
  append(entries: DecisionEntry[]): Promise<void>
  /** The stored record's JSON text. */
  getJson(decisionId: string): Promise<string | undefined>
  /** Newest first. Throws `InvalidCursorError` for a cursor it did not issue. */
  query(query: DecisionQuery): Promise<DecisionPage>
  /**
   * The records a filter matches, oldest first; with `lastN`, only the newest `lastN` of them.
   * Reads the log in large sequential chunks: for simulations over many decisions.
   */
  records(filter: DecisionFilter, lastN?: number): AsyncIterable<StoredRecord>
  /**
   * The same records as `records`, as places in files instead of bytes; only a log kept in
   * files has it. The places stay readable while the log is open, unless retention drops them.
   */
  places?(filter: DecisionFilter, lastN?: number): Promise<RecordPlace[]>
  stats(): Promise<DecisionLogStats>
  /** Waits for pending appends, then releases files. */
  close(): Promise<void>
}

export const flagStatuses = ['open', 'resolved', 'dismissed'] as const
export type FlagStatus = (typeof flagStatuses)[number]

/** Who wrote or closed a flag, as shown beside it. */
export interface FlagPerson {
  id: string
  name: string
}

/**
 * A decision someone disputes: "this lead should not have been rejected". It stays open until a
 * rule owner resolves it (usually with a new version) or dismisses it, each with a note.
 */
export interface FlagRecord {
  flagId: string
  decisionId: string
  rulesetId: string
  version: number
  leadId: string | number | null
  /** What the disputed decision said. */
  outcome: Outcome
  suggestedOutcome: Outcome | null
  /** Rules of that version the flagger disputes; may be empty. */
  ruleIds: string[]
  comment: string
  side: 'sales' | 'marketing' | 'admin'
  createdBy: FlagPerson
  createdAt: string
  status: FlagStatus
  resolution: { note: string; by: FlagPerson; at: string } | null
}

export interface FlagStore {
  /**
   * Throws `StoreConflictError` when the same person already has an open flag on the decision:
   * one open dispute per decision and person, however many requests race.
   */
  createFlag(flag: FlagRecord): Promise<void>
  getFlag(flagId: string): Promise<FlagRecord | undefined>
  /** Every flag on a decision, newest first. */
  listDecisionFlags(decisionId: string): Promise<FlagRecord[]>
  /** Flags on a ruleset (any version), newest first; all statuses when `status` is omitted. */
  listRulesetFlags(rulesetId: string, status?: FlagStatus): Promise<FlagRecord[]>
  /**
   * Closes an open flag (compare-and-set on its status). Undefined when there is no such flag;
   * throws `StoreConflictError` when it is not open any more.
   */
  closeFlag(
    flagId: string,
    status: Exclude<FlagStatus, 'open'>,
    resolution: NonNullable<FlagRecord['resolution']>,
  ): Promise<FlagRecord | undefined>
}

export class StoreConflictError extends Error {
  readonly code = 'conflict'
}

export class InvalidCursorError extends Error {
  readonly code = 'invalid_cursor'
}
