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

/** Rulesets and their versions in one lowdb file (`rulesets.json`). */
export class LowdbRulesetStore implements RulesetStore {
  private readonly listeners = new Set<(rulesetId: string) => void>()

  private constructor(private readonly db: Low<RulesetData>) {}

  static async open(file: string): Promise<LowdbRulesetStore> {
    return new LowdbRulesetStore(await openJsonDatabase<RulesetData>(file, { rulesets: {} }))
  }

  private versionsOf(rulesetId: string): VersionRecord[] {
    // Own keys only: a ruleset id can never reach Object.prototype.
    return Object.hasOwn(this.db.data.rulesets, rulesetId) ? this.db.data.rulesets[rulesetId]! : []
  }

  async listRulesetIds(): Promise<string[]> {
    return Object.keys(this.db.data.rulesets).sort()
  }

  async listVersions(rulesetId: string): Promise<VersionRecord[]> {
    return structuredClone(this.versionsOf(rulesetId))
  }

  async getVersion(rulesetId: string, version: number): Promise<VersionRecord | undefined> {
    const record = this.versionsOf(rulesetId).find((candidate) => candidate.version === version)
    return record && structuredClone(record)
  }

  async getPublished(rulesetId: string): Promise<VersionRecord | undefined> {
    const record = this.versionsOf(rulesetId).find((candidate) => candidate.status === 'published')
    return record && structuredClone(record)
  }

  async insertVersion(record: VersionRecord): Promise<void> {
    const versions = this.versionsOf(record.rulesetId)
    if (versions.some((candidate) => candidate.version === record.version)) {
      throw new StoreConflictError(
        `version ${record.version} of ruleset ${record.rulesetId} already exists`,
      )
    }
    const next = [...versions, structuredClone(record)].sort((a, b) => a.version - b.version)
    const previous = this.db.data.rulesets[record.rulesetId]
    this.db.data.rulesets[record.rulesetId] = next
    await this.persist(() => {
      if (previous) this.db.data.rulesets[record.rulesetId] = previous
      else delete this.db.data.rulesets[record.rulesetId]
    })
    this.emit(record.rulesetId)
  }

  async replaceVersions(changes: VersionChange[]): Promise<void> {
    const slots = changes.map(({ next, expectedRevision }) => {
      const versions = this.versionsOf(next.rulesetId)
      const at = versions.findIndex((candidate) => candidate.version === next.version)
      const current = versions[at]
      if (!current || current.revision !== expectedRevision) {
        throw new StoreConflictError(
          `version ${next.version} of ruleset ${next.rulesetId} changed since it was read`,
        )
      }
      return { versions, at, current, next: structuredClone(next) }
    })
    for (const slot of slots) slot.versions[slot.at] = slot.next
    const rulesetIds = new Set(changes.map((change) => change.next.rulesetId))
    for (const rulesetId of rulesetIds) {
      // The invariant a database keeps with a partial unique index: one published version.
      if (this.versionsOf(rulesetId).filter((record) => record.status === 'published').length > 1) {
        for (const slot of slots) slot.versions[slot.at] = slot.current
        throw new StoreConflictError(`ruleset ${rulesetId} has another version published meanwhile`)
      }
    }
    await this.persist(() => {
      for (const slot of slots) slot.versions[slot.at] = slot.current
    })
    for (const rulesetId of rulesetIds) this.emit(rulesetId)
  }

  onChange(listener: (rulesetId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Writes the file; if that fails, puts memory back as it was so it matches the disk. */
  private async persist(undo: () => void): Promise<void> {
    try {
      await this.db.write()
    } catch (error) {
      undo()
      throw error
    }
  }

  private emit(rulesetId: string): void {
    for (const listener of this.listeners) listener(rulesetId)
  }
}
