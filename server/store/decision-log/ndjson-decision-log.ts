import { mkdir, open, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  DecisionEntry,
  DecisionLog,
  DecisionLogStats,
  DecisionPage,
  DecisionQuery,
} from '../types.ts'
import { DecisionIndex, type IndexedDecision } from './decision-index.ts'
import { GroupCommit } from './group-commit.ts'
import {
  cutTornTail,
  listSegments,
  readSegmentIndex,
  scanSegment,
  segmentName,
  writeSegmentIndex,
} from './segment-files.ts'

export interface DecisionLogOptions {
  /** A segment is sealed and a new one started once it would grow past this. */
  maxSegmentBytes?: number
  /** Told about torn or unreadable lines found on open. */
  warn?: (message: string) => void
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024

/**
 * The embedded decision log: append-only NDJSON segment files in one folder. Appends are
 * group-committed (one write and one fdatasync for everything that arrived meanwhile) and
 * become visible to readers only once durable. Sealed segments get an index file so opening
 * reads only the active segment.
 *
 * @example
 * const log = await NdjsonDecisionLog.open('data/decisions')
 * await log.append([{ ...summary, json: JSON.stringify(record) }])
 */
export class NdjsonDecisionLog implements DecisionLog {
  private readonly index = new DecisionIndex()
  private readonly readers = new Map<number, FileHandle>()
  private readonly commits: GroupCommit<DecisionEntry>
  private bytes = 0
  private closed = false

  private constructor(
    private readonly dir: string,
    private readonly maxSegmentBytes: number,
    private segment: number,
    private segmentBytes: number,
    private writer: FileHandle,
    private sealedSegments: number,
  ) {
    this.commits = new GroupCommit((entries) => this.commit(entries))
  }

  static async open(dir: string, options: DecisionLogOptions = {}): Promise<NdjsonDecisionLog> {
    const warn = options.warn ?? (() => {})
    await mkdir(dir, { recursive: true })
    const segments = await listSegments(dir)
    const active = segments.at(-1) ?? 1
    const loaded: IndexedDecision[][] = []
    let bytes = 0
    for (const segment of segments.slice(0, -1)) {
      const size = (await stat(join(dir, segmentName(segment)))).size
      bytes += size
      const indexed = await readSegmentIndex(dir, segment, size)
      if (indexed) {
        loaded.push(indexed)
        continue
      }
      const scan = await scanSegment(dir, segment)
      if (scan.skippedLines > 0 || scan.tornTail) {
        warn(`decision log ${segmentName(segment)}: skipped ${scan.skippedLines} unreadable lines`)
      }
      await writeSegmentIndex(dir, segment, size, scan.entries)
      loaded.push(scan.entries)
    }
    let activeBytes = 0
    if (segments.length > 0) {
      const scan = await scanSegment(dir, active)
      if (scan.tornTail) {
        warn(
          `decision log ${segmentName(active)}: cut a torn last line at byte ${scan.validBytes} (a write interrupted by a crash, never acknowledged)`,
        )
        await cutTornTail(dir, active, scan.validBytes)
      }
      if (scan.skippedLines > 0) {
        warn(`decision log ${segmentName(active)}: skipped ${scan.skippedLines} unreadable lines`)
      }
      loaded.push(scan.entries)
      activeBytes = scan.validBytes
    }
    const writer = await open(join(dir, segmentName(active)), 'a')
    const log = new NdjsonDecisionLog(
      dir,
      options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES,
      active,
      activeBytes,
      writer,
      Math.max(segments.length - 1, 0),
    )
    for (const entries of loaded) for (const entry of entries) log.index.add(entry)
    log.bytes = bytes + activeBytes
    return log
  }

  append(entries: DecisionEntry[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the decision log is closed'))
    if (entries.length === 0) return Promise.resolve()
    return this.commits.add(entries)
  }

  async getJson(decisionId: string): Promise<string | undefined> {
    const entry = this.index.get(decisionId)
    if (!entry) return undefined
    let reader = this.readers.get(entry.segment)
    if (!reader) {
      reader = await open(join(this.dir, segmentName(entry.segment)), 'r')
      this.readers.set(entry.segment, reader)
    }
    const buffer = Buffer.allocUnsafe(entry.length)
    const { bytesRead } = await reader.read(buffer, 0, entry.length, entry.offset)
    return buffer.toString('utf8', 0, bytesRead)
  }

  async query(query: DecisionQuery): Promise<DecisionPage> {
    return this.index.query(query)
  }

  async stats(): Promise<DecisionLogStats> {
    return { decisions: this.index.size, segments: this.sealedSegments + 1, bytes: this.bytes }
  }

  async close(): Promise<void> {
    this.closed = true
    await this.commits.idle()
    await this.writer.close()
    for (const reader of this.readers.values()) await reader.close()
    this.readers.clear()
  }

  /** One write and one fdatasync for a whole batch; indexes only after the data is durable. */
  private async commit(entries: DecisionEntry[]): Promise<void> {
    // Each line is encoded once: the buffer gives its byte length for the index as well.
    const buffers: Buffer[] = []
    let total = 0
    for (const entry of entries) {
      const line = Buffer.from(`${entry.json}\n`)
      buffers.push(line)
      total += line.length
    }
    if (this.segmentBytes > 0 && this.segmentBytes + total > this.maxSegmentBytes) {
      await this.rotate()
    }
    try {
      await writeAll(this.writer, buffers, total)
      await this.writer.datasync()
    } catch (error) {
      // Nobody was told these decisions were kept: take the partial batch back out so the
      // next append does not land after half a line.
      await this.writer.truncate(this.segmentBytes).catch(() => {})
      throw error
    }
    let offset = this.segmentBytes
    for (let at = 0; at < entries.length; at++) {
      const { decisionId, leadId, rulesetId, version, outcome, score, evaluatedAt } = entries[at]!
      this.index.add({
        decisionId,
        leadId,
        rulesetId,
        version,
        outcome,
        score,
        evaluatedAt,
        segment: this.segment,
        offset,
        length: buffers[at]!.length - 1,
      })
      offset += buffers[at]!.length
    }
    this.segmentBytes += total
    this.bytes += total
  }

  private async rotate(): Promise<void> {
    await writeSegmentIndex(
      this.dir,
      this.segment,
      this.segmentBytes,
      this.index.entriesOf(this.segment),
    )
    await this.writer.close()
    this.segment++
    this.sealedSegments++
    this.segmentBytes = 0
    this.writer = await open(join(this.dir, segmentName(this.segment)), 'a')
  }
}

/** writev until every byte is written: a short write must not leave half a batch. */
async function writeAll(file: FileHandle, buffers: Buffer[], total: number): Promise<void> {
  let written = (await file.writev(buffers)).bytesWritten
  if (written === total) return
  const all = Buffer.concat(buffers, total)
  while (written < total) written += (await file.write(all, written)).bytesWritten
}
