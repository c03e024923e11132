import type { Low } from 'lowdb'
import {
  StoreConflictError,
  type RulesetStore,
  type VersionChange,
  type VersionRecord,
} from '../types.ts'
import { openJsonDatabase } from './json-database.ts'

interface RulesetData {
  /** Ruleset id → its versions, oldest first. */
  rulesets: Record<string, VersionRecord[]>
}

/**
 * Rulesets and their versions in one lowdb file (`rulesets.json`).
 *
 * Writes run one at a time. Each builds the next state beside the current one (copying only the
 * ruleset it changes), writes the file, and only then makes the new state the one readers see:
 * what a reader sees is always on disk, and a failed write leaves nothing behind.
 */
export class LowdbRulesetStore implements RulesetStore {
  private readonly listeners = new Set<(rulesetId: string) => void>()
  private committed: RulesetData
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(private readonly db: Low<RulesetData>) {
    this.committed = db.data
  }

  static async open(file: string): Promise<LowdbRulesetStore> {
    return new LowdbRulesetStore(await openJsonDatabase<RulesetData>(file, { rulesets: {} }))
  }

  async listRulesetIds(): Promise<string[]> {
    return Object.keys(this.committed.rulesets).sort()
  }

  async listVersions(rulesetId: string): Promise<VersionRecord[]> {
    return structuredClone([...versionsOf(this.committed, rulesetId)])
  }

  async getVersion(rulesetId: string, version: number): Promise<VersionRecord | undefined> {
    const record = versionsOf(this.committed, rulesetId).find(
      (candidate) => candidate.version === version,
    )
    return record && structuredClone(record)
  }

  async getPublished(rulesetId: string): Promise<VersionRecord | undefined> {
    const record = versionsOf(this.committed, rulesetId).find(
      (candidate) => candidate.status === 'published',
    )
    return record && structuredClone(record)
  }

  insertVersion(record: VersionRecord): Promise<void> {
    return this.write([record.rulesetId], (current) => {
      const versions = versionsOf(current, record.rulesetId)
      if (versions.some((candidate) => candidate.version === record.version)) {
        throw new StoreConflictError(
          `version ${record.version} of ruleset ${record.rulesetId} already exists`,
        )
      }
      return {
        [record.rulesetId]: [...versions, structuredClone(record)].sort(
          (a, b) => a.version - b.version,
        ),
      }
    })
  }

  replaceVersions(changes: VersionChange[]): Promise<void> {
    const rulesetIds = [...new Set(changes.map((change) => change.next.rulesetId))]
    return this.write(rulesetIds, (current) => {
      const replaced: Record<string, VersionRecord[]> = {}
      for (const rulesetId of rulesetIds) replaced[rulesetId] = [...versionsOf(current, rulesetId)]
      for (const { next, expectedRevision } of changes) {
        const versions = replaced[next.rulesetId]!
        const at = versions.findIndex((candidate) => candidate.version === next.version)
        if (at < 0 || versions[at]!.revision !== expectedRevision) {
          throw new StoreConflictError(
            `version ${next.version} of ruleset ${next.rulesetId} changed since it was read`,
          )
        }
        versions[at] = structuredClone(next)
      }
      for (const rulesetId of rulesetIds) {
        // The invariant a database keeps with a partial unique index: one published version.
        const published = replaced[rulesetId]!.filter((record) => record.status === 'published')
        if (published.length > 1) {
          throw new StoreConflictError(
            `ruleset ${rulesetId} has another version published meanwhile`,
          )
        }
      }
      return replaced
    })
  }

  onChange(listener: (rulesetId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Runs `change` on the committed state after every earlier write finished; `change` returns
   * the rulesets it replaces, or throws to refuse. Readers see the result once it is on disk.
   */
  private write(
    rulesetIds: string[],
    change: (current: RulesetData) => Record<string, VersionRecord[]>,
  ): Promise<void> {
    const run = this.writes.then(async () => {
      const next: RulesetData = {
        rulesets: { ...this.committed.rulesets, ...change(this.committed) },
      }
      this.db.data = next
      try {
        await this.db.write()
      } catch (error) {
        this.db.data = this.committed
        throw error
      }
      this.committed = next
      for (const rulesetId of rulesetIds) this.emit(rulesetId)
    })
    this.writes = run.catch(() => {})
    return run
  }

  private emit(rulesetId: string): void {
    for (const listener of this.listeners) listener(rulesetId)
  }
}

/** Own keys only: a ruleset id can never reach Object.prototype. */
function versionsOf(data: RulesetData, rulesetId: string): readonly VersionRecord[] {
  return Object.hasOwn(data.rulesets, rulesetId) ? data.rulesets[rulesetId]! : []
}
