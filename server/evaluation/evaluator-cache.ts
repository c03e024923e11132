import {
  compileRuleset,
  personasSerializer,
  reasonsSerializer,
  ruleResultsSerializer,
  type CompiledRuleset,
  type PersonaMatch,
  type Reason,
  type RuleResult,
  type TraceEntry,
} from '../../engine/index.ts'
import { notFound } from '../http/api-error.ts'
import type { RulesetStore, VersionRecord } from '../store/types.ts'
import { rulesetNotFound } from '../rulesets/ruleset-service.ts'
import { traceEntrySerializer } from './decision-serializers.ts'

export interface CompiledVersion {
  compiled: CompiledRuleset
  /** `JSON.stringify` of a decision's reasons, fixed parts written once (engine's `reasonsSerializer`). */
  reasons: (reasons: readonly Reason[]) => string
  /** `JSON.stringify` of its persona matches (engine's `personasSerializer`). */
  personas: (personas: readonly PersonaMatch[]) => string
  /** Serializes a decision's `rules` array (see `ruleResultsSerializer`). */
  rules: (rules: readonly RuleResult[], codes: Uint8Array) => string
  /** Serializes one entry of a full trace by its index (see `traceEntrySerializer`). */
  traceEntries: (entry: TraceEntry, index: number) => string
  status: VersionRecord['status']
  contentHash: string
}

/**
 * A compiled version with the serializers that write its decisions: each keeps the JSON of what
 * is fixed per version (rule entries, trace entry heads, reason frames, persona names).
 *
 * @example
 * const version = prepareVersion(compileRuleset(ruleset), 'published', contentHash)
 * decideLead(version, lead, { trace: 'failing', source })
 */
export function prepareVersion(
  compiled: CompiledRuleset,
  status: VersionRecord['status'],
  contentHash: string,
): CompiledVersion {
  return {
    compiled,
    reasons: reasonsSerializer(),
    personas: personasSerializer(),
    rules: ruleResultsSerializer(),
    traceEntries: traceEntrySerializer(),
    status,
    contentHash,
  }
}

/**
 * Compiled evaluators, one per ruleset version, built on first use. Any write to a ruleset
 * (publish, archive, draft edit) drops that ruleset's entries, so the next evaluation reads the
 * store again; evaluations between writes never touch the store.
 */
export class EvaluatorCache {
  private readonly published = new Map<string, CompiledVersion>()
  private readonly versions = new Map<string, CompiledVersion>()
  /** Bumped on every change, so a read that raced with a write is not cached. */
  private generation = 0

  constructor(private readonly store: RulesetStore) {
    store.onChange((rulesetId) => this.forget(rulesetId))
  }

  /** The published version, or the given one; 404 with a clear message when there is none. */
  async get(rulesetId: string, version?: number): Promise<CompiledVersion> {
    if (version === undefined) {
      const cached = this.published.get(rulesetId)
      if (cached) return cached
      const generation = this.generation
      const record = await this.store.getPublished(rulesetId)
      if (!record) {
        const versions = await this.store.listVersions(rulesetId)
        if (versions.length === 0) throw rulesetNotFound(rulesetId)
        throw notFound(
          'no_published_version',
          `ruleset "${rulesetId}" has no published version; name a version to evaluate a draft`,
          { ruleset: rulesetId },
        )
      }
      const compiled = this.compile(record)
      if (generation === this.generation) this.published.set(rulesetId, compiled)
      return compiled
    }
    const key = `${rulesetId}@${version}`
    const cached = this.versions.get(key)
    if (cached) return cached
    const generation = this.generation
    const record = await this.store.getVersion(rulesetId, version)
    if (!record) {
      const versions = await this.store.listVersions(rulesetId)
      if (versions.length === 0) throw rulesetNotFound(rulesetId)
      throw notFound('version_not_found', `ruleset "${rulesetId}" has no version ${version}`, {
        ruleset: rulesetId,
        version,
      })
    }
    const compiled = this.compile(record)
    if (generation === this.generation) this.versions.set(key, compiled)
    return compiled
  }

  private compile(record: VersionRecord): CompiledVersion {
    return prepareVersion(compileRuleset(record.document), record.status, record.contentHash)
  }

  private forget(rulesetId: string): void {
    this.generation++
    this.published.delete(rulesetId)
    const prefix = `${rulesetId}@`
    for (const key of this.versions.keys()) if (key.startsWith(prefix)) this.versions.delete(key)
  }
}
