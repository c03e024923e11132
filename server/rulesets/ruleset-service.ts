import type { RulesetIssue, RulesetStatus } from '../../engine/index.ts'
import { validateRuleset } from '../../engine/index.ts'
import type { Principal } from '../accounts/principal.ts'
import { ApiError, conflict, notFound } from '../http/api-error.ts'
import { StoreConflictError, type RulesetStore, type VersionRecord } from '../store/types.ts'
import type { Transition } from './lifecycle.ts'
import { planTransition } from './plan-transition.ts'
import { diffRulesets, type RulesetDiff } from './ruleset-diff.ts'
import {
  acceptDocument,
  historyEntry,
  ifMatchHolds,
  settle,
  etagOf,
  type Actor,
} from './version-record.ts'

export interface RulesetSummary {
  id: string
  name: string
  description: string | null
  versions: number
  latest: { version: number; status: RulesetStatus; updatedAt: string }
  published: { version: number; publishedAt: string } | null
}

export interface TransitionInput {
  note?: string
  role?: 'marketing' | 'sales'
  ifMatch?: string
}

const MAX_CONFLICT_RETRIES = 5

/**
 * Versions and their sign-off. Every write reads a version, checks the rules on what it read,
 * and stores the result only if nobody wrote in between (compare-and-set on the revision), so
 * two people editing or approving at once never overwrite each other: one gets a 409.
 */
export class RulesetService {
  constructor(
    private readonly store: RulesetStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(): Promise<RulesetSummary[]> {
    const ids = await this.store.listRulesetIds()
    const summaries = await Promise.all(
      ids.map(async (id) => summarize(await this.store.listVersions(id))),
    )
    return summaries.filter((summary): summary is RulesetSummary => summary !== undefined)
  }

  /** How many rulesets there are, without reading their versions (health checks ask often). */
  async count(): Promise<number> {
    return (await this.store.listRulesetIds()).length
  }

  async create(input: unknown, actor: Actor): Promise<VersionRecord> {
    const id = (input as { id?: unknown } | null)?.id
    if (typeof id !== 'string') {
      throw new ApiError(
        400,
        'invalid_request',
        'id: a new ruleset needs an id, e.g. "b2b-inbound"',
        {
          issues: [{ path: 'id', message: 'required: a lower-case slug such as "b2b-inbound"' }],
        },
      )
    }
    const { document } = acceptDocument(
      { policy: { acceptAt: 60, nurtureAt: 30 }, rules: [], ...(input as object) },
      {
        id,
        version: 1,
      },
    )
    const record = this.newRecord(document, 1, null, actor)
    try {
      await this.store.insertVersion(record)
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw conflict('ruleset_exists', `a ruleset with id "${id}" already exists`, { id })
      }
      throw error
    }
    return record
  }

  async versions(rulesetId: string): Promise<VersionRecord[]> {
    const versions = await this.store.listVersions(rulesetId)
    if (versions.length === 0) throw rulesetNotFound(rulesetId)
    return versions
  }

  async version(rulesetId: string, version: number): Promise<VersionRecord> {
    const record = await this.store.getVersion(rulesetId, version)
    if (record) return record
    await this.versions(rulesetId)
    throw notFound('version_not_found', `ruleset "${rulesetId}" has no version ${version}`, {
      ruleset: rulesetId,
      version,
    })
  }

  /** A new draft copied from `from` (default: the latest version), numbered after the last. */
  async newDraft(
    rulesetId: string,
    options: { from?: number; changeNote?: string },
    actor: Actor,
  ): Promise<VersionRecord> {
    for (let attempt = 0; ; attempt++) {
      const versions = await this.versions(rulesetId)
      const latest = versions.at(-1)!
      const source =
        options.from === undefined ? latest : await this.version(rulesetId, options.from)
      const version = latest.version + 1
      const { document } = acceptDocument(
        { ...source.document, version, changeNote: options.changeNote },
        { id: rulesetId, version },
      )
      const record = this.newRecord(document, version, source.version, actor)
      try {
        await this.store.insertVersion(record)
        return record
      } catch (error) {
        // Someone created the same number meanwhile: take the next one.
        if (!(error instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error
      }
    }
  }

  /** Replaces a draft's content; needs the ETag the client read (`If-Match`). */
  async update(
    rulesetId: string,
    version: number,
    input: unknown,
    ifMatch: string | undefined,
    actor: Actor,
  ): Promise<{ record: VersionRecord; warnings: RulesetIssue[] }> {
    if (ifMatch === undefined) {
      throw new ApiError(
        428,
        'if_match_required',
        'send the ETag you read in "If-Match", so a concurrent edit is not overwritten',
      )
    }
    const current = await this.version(rulesetId, version)
    assertMatches(current, ifMatch)
    if (current.status !== 'draft') throw notEditable(current)
    const { document, warnings } = acceptDocument(input, { id: rulesetId, version })
    const at = this.now()
    const next: VersionRecord = settle({
      ...current,
      document,
      revision: current.revision + 1,
      updatedBy: actor.email,
      updatedAt: at,
    })
    const history = [
      ...current.history,
      historyEntry('edit', 'draft', 'draft', actor, at, undefined),
    ]
    if (next.contentHash !== current.contentHash && current.approvals.length > 0) {
      const withdrawn = current.approvals.map((approval) => approval.role).join(' and ')
      history.push(
        historyEntry(
          'withdraw',
          'draft',
          'draft',
          actor,
          at,
          `content changed: ${withdrawn} approval withdrawn`,
        ),
      )
      next.approvals = []
    }
    next.history = history
    await this.replace([{ next: settle(next), expectedRevision: current.revision }])
    return { record: next, warnings }
  }

  /**
   * A lifecycle step. Marketing and sales approving at once read the same revision; the one who
   * loses the compare-and-set is not sent back with a 409 to click again: the approval is
   * planned afresh on the new revision and stored, as long as the content is still what the
   * caller saw (If-Match then refers to the content, not to the approvals others added). The
   * planning checks everything again, so a second approval for one side is still refused.
   * Other steps (publish above all: it changes what is live) answer a lost race with 409.
   */
  async transition(
    rulesetId: string,
    version: number,
    transition: Transition,
    input: TransitionInput,
    principal: Extract<Principal, { kind: 'user' }>,
  ): Promise<VersionRecord> {
    const first = await this.version(rulesetId, version)
    if (input.ifMatch !== undefined) assertMatches(first, input.ifMatch)
    for (let attempt = 1; ; attempt++) {
      const current = attempt === 1 ? first : await this.version(rulesetId, version)
      if (current.contentHash !== first.contentHash) assertMatches(current, etagOf(first))
      const published =
        transition === 'publish' ? await this.store.getPublished(rulesetId) : undefined
      const changes = planTransition(current, published, {
        transition,
        note: input.note,
        role: input.role,
        by: principal,
        at: this.now(),
      })
      try {
        await this.store.replaceVersions(changes)
        return changes[0]!.next
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error
        if (transition !== 'approve' || attempt === APPROVE_ATTEMPTS) {
          throw conflict('stale_version', `${error.message}; reload it and try again`)
        }
      }
    }
  }

  async diff(rulesetId: string, from: number, to: number): Promise<RulesetDiff> {
    const [before, after] = await Promise.all([
      this.version(rulesetId, from),
      this.version(rulesetId, to),
    ])
    return diffRulesets(before.document, after.document)
  }

  /** Engine warnings on a stored version (unknown facts, conditions that can never hold). */
  warnings(record: VersionRecord): RulesetIssue[] {
    const result = validateRuleset(record.document)
    return result.warnings
  }

  private newRecord(
    document: VersionRecord['document'],
    version: number,
    basedOn: number | null,
    actor: Actor,
  ): VersionRecord {
    const at = this.now()
    return settle({
      rulesetId: document.id,
      version,
      status: 'draft',
      revision: 1,
      contentHash: '',
      document,
      approvals: [],
      history: [
        historyEntry(
          'create',
          null,
          'draft',
          actor,
          at,
          basedOn === null ? document.changeNote : `from version ${basedOn}`,
        ),
      ],
      basedOn,
      createdBy: actor.email,
      createdAt: at,
      updatedBy: actor.email,
      updatedAt: at,
    })
  }

  private async replace(changes: Parameters<RulesetStore['replaceVersions']>[0]): Promise<void> {
    try {
      await this.store.replaceVersions(changes)
    } catch (error) {
      if (error instanceof StoreConflictError) {
        throw conflict('stale_version', `${error.message}; reload it and try again`)
      }
      throw error
    }
  }

  private now(): string {
    return this.clock().toISOString()
  }
}

/** How often an approval is planned again after losing a race to another write. */
const APPROVE_ATTEMPTS = 5

function summarize(versions: VersionRecord[]): RulesetSummary | undefined {
  const latest = versions.at(-1)
  if (!latest) return undefined
  const published = versions.find((record) => record.status === 'published')
  const publishedAt = published?.history.findLast((entry) => entry.action === 'publish')?.at
  return {
    id: latest.rulesetId,
    name: latest.document.name,
    description: latest.document.description ?? null,
    versions: versions.length,
    latest: { version: latest.version, status: latest.status, updatedAt: latest.updatedAt },
    published: published
      ? { version: published.version, publishedAt: publishedAt ?? published.updatedAt }
      : null,
  }
}

function assertMatches(record: VersionRecord, ifMatch: string): void {
  if (!ifMatchHolds(ifMatch, record)) {
    throw conflict(
      'stale_version',
      `version ${record.version} changed since you read it (now ${etagOf(record)}); reload it and try again`,
      { etag: etagOf(record) },
    )
  }
}

function notEditable(record: VersionRecord): ApiError {
  const hint =
    record.status === 'published' || record.status === 'archived'
      ? `${record.status} versions never change; create a new version from it`
      : `it is ${record.status.replace('_', ' ')}; reopen it to edit (approvals on changed content are withdrawn)`
  return conflict('version_not_editable', `version ${record.version} cannot be edited: ${hint}`, {
    status: record.status,
  })
}

export const rulesetNotFound = (rulesetId: string) =>
  notFound('ruleset_not_found', `no ruleset "${rulesetId}"`, { ruleset: rulesetId })
