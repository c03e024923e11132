import { createReadStream } from 'node:fs'
import { open, readdir, readFile, rename, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DecisionSummary } from '../types.ts'
import type { IndexedDecision } from './decision-index.ts'
import { leadOf } from './lead-range.ts'

const SEGMENT = /^segment-(\d{6})\.ndjson$/

export const segmentName = (segment: number): string =>
  `segment-${String(segment).padStart(6, '0')}.ndjson`
export const segmentIndexName = (segment: number): string =>
  `segment-${String(segment).padStart(6, '0')}.index.json`

/** Segment numbers present in the folder, ascending. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir)
  return names
    .map((name) => SEGMENT.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/** The index fields of one stored record; undefined when the line is not a decision record. */
export function summaryOfRecord(record: unknown): DecisionSummary | undefined {
  if (record === null || typeof record !== 'object') return undefined
  const { decisionId, leadId, ruleset, outcome, score, evaluatedAt } = record as Record<
    string,
    unknown
  >
  const { id, version } = (ruleset ?? {}) as Record<string, unknown>
  if (
    typeof decisionId !== 'string' ||
    typeof id !== 'string' ||
    typeof version !== 'number' ||
    (outcome !== 'accepted' && outcome !== 'nurture' && outcome !== 'rejected') ||
    typeof score !== 'number' ||
    typeof evaluatedAt !== 'string'
  ) {
    return undefined
  }
  const lead = typeof leadId === 'string' || typeof leadId === 'number' ? leadId : null
  return {
    decisionId,
    leadId: lead,
    rulesetId: id,
    version,
    outcome,
    score,
    evaluatedAt,
    ...searchFieldsOf(record as Record<string, unknown>),
  }
}

/** Email, company name and reason rule ids of a stored record: what searches filter on. */
export function searchFieldsOf(record: {
  lead?: unknown
  reasons?: unknown
}): Pick<DecisionSummary, 'email' | 'company' | 'reasonIds'> {
  const lead = (record.lead ?? {}) as {
    contact?: { email?: unknown }
    company?: { name?: unknown }
  }
  const email = lead.contact?.email
  const company = lead.company?.name
  const reasons = Array.isArray(record.reasons) ? (record.reasons as { ruleId?: unknown }[]) : []
  return {
    email: typeof email === 'string' ? email : null,
    company: typeof company === 'string' ? company : null,
    reasonIds: [
      ...new Set(
        reasons.map((reason) => reason.ruleId).filter((id): id is string => typeof id === 'string'),
      ),
    ],
  }
}

export interface SegmentScan {
  entries: IndexedDecision[]
  /** Bytes of whole, parsable lines; a torn tail past this is cut off. */
  validBytes: number
  skippedLines: number
  tornTail: boolean
}

/**
 * Reads a segment line by line. A last line without its newline, or one that does not parse,
 * is a write cut short by a crash: it was never acknowledged, so it is reported and dropped.
 */
export async function scanSegment(dir: string, segment: number): Promise<SegmentScan> {
  const entries: IndexedDecision[] = []
  let offset = 0
  let skippedLines = 0
  let carry: Buffer | null = null
  let lastGoodEnd = 0
  let lastLineBad = false
  for await (const chunk of createReadStream(join(dir, segmentName(segment)))) {
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer)
    let start = 0
    let newline = buffer.indexOf(10, start)
    while (newline !== -1) {
      const line = buffer.subarray(start, newline)
      const summary = parseLine(line)
      if (summary) {
        entries.push({
          ...summary,
          segment,
          offset: offset + start,
          length: line.length,
          ...leadOf(line, summary.evaluatedAt),
        })
        lastGoodEnd = offset + newline + 1
        lastLineBad = false
      } else {
        skippedLines++
        lastLineBad = true
      }
      start = newline + 1
      newline = buffer.indexOf(10, start)
    }
    offset += start
    carry = start < buffer.length ? buffer.subarray(start) : null
  }
  const tornTail = carry !== null || lastLineBad
  if (lastLineBad) skippedLines--
  return { entries, validBytes: tornTail ? lastGoodEnd : offset, skippedLines, tornTail }
}

function parseLine(line: Buffer): DecisionSummary | undefined {
  try {
    return summaryOfRecord(JSON.parse(line.toString('utf8')))
  } catch {
    return undefined
  }
}

export async function cutTornTail(dir: string, segment: number, validBytes: number) {
  await truncate(join(dir, segmentName(segment)), validBytes)
}

/**
 * Bumped when the entry tuple changes: an index of an unknown format is rebuilt from the
 * segment. Format 2 lacks the lead ranges (the last two fields); it is still read, and a
 * simulation then cuts those leads out of their records.
 */
const INDEX_FORMAT = 3
const READABLE_FORMATS = new Set([2, INDEX_FORMAT])

interface SegmentIndexFile {
  format?: number
  segmentBytes: number
  entries: [
    string,
    string | number | null,
    string,
    number,
    string,
    number,
    string,
    number,
    number,
    string | null,
    string | null,
    string[],
    (number | null)?,
    (number | null)?,
  ][]
}

/** Written when a segment is sealed, so a restart does not re-read old segments. */
export async function writeSegmentIndex(
  dir: string,
  segment: number,
  segmentBytes: number,
  entries: IndexedDecision[],
): Promise<void> {
  const body: SegmentIndexFile = {
    format: INDEX_FORMAT,
    segmentBytes,
    entries: entries.map((e) => [
      e.decisionId,
      e.leadId,
      e.rulesetId,
      e.version,
      e.outcome,
      e.score,
      e.evaluatedAt,
      e.offset,
      e.length,
      e.email ?? null,
      e.company ?? null,
      e.reasonIds ?? [],
      e.leadOffset ?? null,
      e.leadLength ?? null,
    ]),
  }
  const file = join(dir, segmentIndexName(segment))
  await writeFile(`${file}.tmp`, JSON.stringify(body))
  const handle = await open(`${file}.tmp`, 'r+')
  await handle.datasync()
  await handle.close()
  await rename(`${file}.tmp`, file)
}

/** The sealed segment's index, or undefined when it is missing or does not match the segment. */
export async function readSegmentIndex(
  dir: string,
  segment: number,
  segmentBytes: number,
): Promise<IndexedDecision[] | undefined> {
  try {
    const body = JSON.parse(
      await readFile(join(dir, segmentIndexName(segment)), 'utf8'),
    ) as SegmentIndexFile
    if (
      !READABLE_FORMATS.has(body.format ?? 0) ||
      body.segmentBytes !== segmentBytes ||
      !Array.isArray(body.entries)
    ) {
      return undefined
    }
    return body.entries.map(
      ([
        decisionId,
        leadId,
        rulesetId,
        version,
        outcome,
        score,
        evaluatedAt,
        offset,
        length,
        email,
        company,
        reasonIds,
        leadOffset,
        leadLength,
      ]) => ({
        decisionId,
        leadId,
        rulesetId,
        version,
        outcome: outcome as IndexedDecision['outcome'],
        score,
        evaluatedAt,
        segment,
        offset,
        length,
        email,
        company,
        reasonIds,
        ...(typeof leadOffset === 'number' && typeof leadLength === 'number'
          ? { leadOffset, leadLength }
          : {}),
      }),
    )
  } catch {
    return undefined
  }
}
