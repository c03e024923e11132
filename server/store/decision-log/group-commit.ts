interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Batches work that is expensive per call and cheap per item, like an fsync: items that arrive
 * while a commit is running wait and go together in the next one. Each `add` resolves when the
 * commit holding its items finished, so a caller is only told "done" once its items are durable.
 *
 * @example
 * const commits = new GroupCommit<string>(async (lines) => { await file.write(lines.join('')); await file.datasync() })
 * await commits.add(['{"a":1}\n']) // resolved after the datasync that covered it
 */
export class GroupCommit<T> {
  private queued: T[] = []
  private waiters: Waiter[] = []
  private running: Promise<void> | null = null

  constructor(private readonly commit: (items: T[]) => Promise<void>) {}

  add(items: readonly T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      for (const item of items) this.queued.push(item)
      this.waiters.push({ resolve, reject })
      this.running ??= this.drain()
    })
  }

  /** Resolves when nothing is queued or being committed. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiters.length > 0) {
        const items = this.queued
        const waiters = this.waiters
        this.queued = []
        this.waiters = []
        try {
          await this.commit(items)
          for (const waiter of waiters) waiter.resolve()
        } catch (error) {
          for (const waiter of waiters) waiter.reject(error)
        }
      }
    } finally {
      this.running = null
    }
  }
}
