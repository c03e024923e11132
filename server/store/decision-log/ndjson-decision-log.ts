import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  DecisionEntry,
  DecisionFilter,
  DecisionLog,
  DecisionLogStats,
  DecisionPage,
  DecisionQuery,
  RecordPlace,
  StoredRecord,
} from '../types.ts'
import { DecisionIndex, type IndexedDecision } from './decision-index.ts'
import { GroupCommit } from './group-commit.ts'
import { leadOf } from './lead-range.ts'
import {
  cutTornTail,
  listSegments,
  readSegmentIndex,
  scanSegment,
  segmentIndexName,
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
/** Largest single read when streaming many records. */
const CHUNK = 256 * 1024

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
  private index = new DecisionIndex()
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
    const reader = await this.reader(entry.segment)
    const buffer = Buffer.allocUnsafe(entry.length)
    const { bytesRead } = await reader.read(buffer, 0, entry.length, entry.offset)
    return buffer.toString('utf8', 0, bytesRead)
  }

  async query(query: DecisionQuery): Promise<DecisionPage> {
    return this.index.query(query)
  }

  async *records(filter: DecisionFilter, lastN?: number): AsyncIterable<StoredRecord> {
    const picked = this.index.select(filter, lastN)
    // Neighbouring records are read together: one read of up to CHUNK bytes serves many lines.
    // Records are only valid until the next one is asked for, so one buffer serves every read:
    // a fresh one per read cost a page fault per 4 KB, as much as the reading itself.
    let chunk = Buffer.allocUnsafe(0)
    let at = 0
    while (at < picked.length) {
      const first = picked[at]!
      let end = at + 1
      while (
        end < picked.length &&
        picked[end]!.segment === first.segment &&
        picked[end]!.offset + picked[end]!.length - first.offset <= CHUNK
      ) {
        end++
      }
      const last = picked[end - 1]!
      const size = last.offset + last.length - first.offset
      if (chunk.length < size) chunk = Buffer.allocUnsafe(Math.max(size, CHUNK))
      const buffer = chunk
      const reader = await this.reader(first.segment)
      const { bytesRead } = await reader.read(buffer, 0, size, first.offset)
      for (let i = at; i < end; i++) {
        const entry = picked[i]!
        const start = entry.offset - first.offset
        if (start + entry.length > bytesRead) break
        // No copy and no decoding: a simulation reads only the lead out of each record.
        yield { summary: entry, bytes: buffer.subarray(start, start + entry.length) }
      }
      at = end
    }
  }

  async places(filter: DecisionFilter, lastN?: number): Promise<RecordPlace[]> {
    const files = new Map<number, string>()
    return this.index.select(filter, lastN).map((entry) => {
      let file = files.get(entry.segment)
      if (file === undefined) {
        file = join(this.dir, segmentName(entry.segment))
        files.set(entry.segment, file)
      }
      return {
        summary: entry,
        file,
        offset: entry.offset,
        length: entry.length,
        leadOffset: entry.leadOffset,
        leadLength: entry.leadLength,
      }
    })
  }

  /**
   * Retention: deletes every sealed segment whose newest decision is older than `cutoff` (ISO).
   * Whole files go, so nothing is rewritten and a crash midway leaves only whole segments;
   * decisions in the segment being written wait until it is sealed. Returns decisions dropped.
   *
   * @example
   * await log.dropBefore(new Date(Date.now() - 365 * 86_400_000).toISOString())
   */
  async dropBefore(cutoff: string): Promise<number> {
    const old = new Set<number>()
    for (const segment of await listSegments(this.dir)) {
      if (segment >= this.segment) continue
      const entries = this.index.entriesOf(segment)
      const newest = entries.at(-1)
      if (!newest || newest.evaluatedAt < cutoff) old.add(segment)
    }
    if (old.size === 0) return 0
    const before = this.index.size
    this.index = this.index.filtered((entry) => !old.has(entry.segment))
    for (const segment of old) {
      await this.readers.get(segment)?.close()
      this.readers.delete(segment)
      const file = join(this.dir, segmentName(segment))
      this.bytes -= (await stat(file)).size
      // Index first: a segment without its index is re-read on open, never the other way round.
      await rm(join(this.dir, segmentIndexName(segment)), { force: true })
      await rm(file, { force: true })
      this.sealedSegments--
    }
    return before - this.index.size
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

  private async reader(segment: number): Promise<FileHandle> {
    let reader = this.readers.get(segment)
    if (!reader) {
      reader = await open(join(this.dir, segmentName(segment)), 'r')
      this.readers.set(segment, reader)
    }
    return reader
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
      const { json: _json, ...summary } = entries[at]!
      const line = buffers[at]!
      this.index.add({
        ...summary,
        segment: this.segment,
        offset,
        length: line.length - 1,
        ...leadOf(line, summary.evaluatedAt),
      })
      offset += line.length
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
