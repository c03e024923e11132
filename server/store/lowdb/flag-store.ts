import type { Low } from 'lowdb'
import { StoreConflictError, type FlagRecord, type FlagStatus, type FlagStore } from '../types.ts'
import { openJsonDatabase } from './json-database.ts'

interface FlagData {
  /** Oldest first: the order they were raised in. */
  flags: readonly FlagRecord[]
}

/**
 * Disputed decisions in one lowdb file (`flags.json`). Flags are few (people raise them by
 * hand), so the whole list is rewritten on each change, like rulesets.
 *
 * Writes run one at a time; each builds the next list beside the committed one and only makes
 * it visible once it is on disk, so a failed write leaves neither the file nor readers changed.
 *
 * @example
 * const flags = await LowdbFlagStore.open('data/flags.json')
 * await flags.listRulesetFlags('b2b-inbound', 'open') // newest first
 */
export class LowdbFlagStore implements FlagStore {
  private committed: FlagData
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(private readonly db: Low<FlagData>) {
    this.committed = db.data
  }

  static async open(file: string): Promise<LowdbFlagStore> {
    return new LowdbFlagStore(await openJsonDatabase<FlagData>(file, { flags: [] }))
  }

  createFlag(flag: FlagRecord): Promise<void> {
    return this.write((flags) => {
      const taken = flags.some(
        (other) =>
          other.flagId === flag.flagId ||
          (other.status === 'open' &&
            other.decisionId === flag.decisionId &&
            other.createdBy.id === flag.createdBy.id),
      )
      if (taken) {
        throw new StoreConflictError(
          `${flag.createdBy.name} already has an open flag on decision ${flag.decisionId}`,
        )
      }
      return [...flags, structuredClone(flag)]
    })
  }

  async getFlag(flagId: string): Promise<FlagRecord | undefined> {
    const flag = this.committed.flags.find((candidate) => candidate.flagId === flagId)
    return flag && structuredClone(flag)
  }

  async listDecisionFlags(decisionId: string): Promise<FlagRecord[]> {
    return newestFirst(this.committed.flags.filter((flag) => flag.decisionId === decisionId))
  }

  async listRulesetFlags(rulesetId: string, status?: FlagStatus): Promise<FlagRecord[]> {
    return newestFirst(
      this.committed.flags.filter(
        (flag) => flag.rulesetId === rulesetId && (status === undefined || flag.status === status),
      ),
    )
  }

  async closeFlag(
    flagId: string,
    status: Exclude<FlagStatus, 'open'>,
    resolution: NonNullable<FlagRecord['resolution']>,
  ): Promise<FlagRecord | undefined> {
    let closed: FlagRecord | undefined
    await this.write((flags) => {
      const at = flags.findIndex((flag) => flag.flagId === flagId)
      if (at < 0) return flags
      if (flags[at]!.status !== 'open') {
        throw new StoreConflictError(`flag ${flagId} is ${flags[at]!.status} already`)
      }
      closed = { ...flags[at]!, status, resolution: structuredClone(resolution) }
      const next = [...flags]
      next[at] = closed
      return next
    })
    return closed && structuredClone(closed)
  }

  /** Runs `change` on the committed list after earlier writes; it returns the next list or throws. */
  private write(change: (flags: readonly FlagRecord[]) => readonly FlagRecord[]): Promise<void> {
    const run = this.writes.then(async () => {
      const flags = change(this.committed.flags)
      if (flags === this.committed.flags) return
      const next: FlagData = { flags: [...flags] }
      this.db.data = next
      try {
        await this.db.write()
      } catch (error) {
        this.db.data = this.committed
        throw error
      }
      this.committed = next
    })
    this.writes = run.catch(() => {})
    return run
  }
}

const newestFirst = (flags: FlagRecord[]): FlagRecord[] => structuredClone(flags).reverse()
