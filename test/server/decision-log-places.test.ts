import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LeadFileReader, type LeadPlaces } from '../../server/audit/lead-file-reader.ts'
import { NdjsonDecisionLog } from '../../server/store/decision-log/ndjson-decision-log.ts'
import type { DecisionEntry, RecordPlace } from '../../server/store/types.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadgate-places-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A lead with escaped quotes and characters of several UTF-8 byte lengths. */
const leadOf = (n: number) => ({
  id: `L-${n}`,
  company: { name: `Müller & Söhne "Nord" ${n} — 東京`, employees: 40 + n },
  note: 'a "lead" with ,"rulesetHash":" inside',
})

/** A record shaped as `decideLead` writes it: trace first, then the lead, then the hash. */
function entry(n: number): DecisionEntry {
  const summary = {
    decisionId: `d${String(n).padStart(26, '0')}`,
    leadId: `L-${n}`,
    rulesetId: 'r',
    version: 1,
    outcome: 'accepted' as const,
    score: n,
    evaluatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  }
  const record = {
    decisionId: summary.decisionId,
    leadId: summary.leadId,
    ruleset: { id: 'r', version: 1 },
    outcome: summary.outcome,
    score: n,
    trace: [{ ruleId: 'min-employees', fact: 'company.employees', actual: 40 + n }],
    evaluatedAt: summary.evaluatedAt,
    lead: leadOf(n),
    rulesetHash: 'abc',
    source: { kind: 'api' },
  }
  return { ...summary, json: JSON.stringify(record) }
}

/** The places as a reader reads them: each lead's own bytes, or its record to cut it from. */
function leadPlaces(places: RecordPlace[]): LeadPlaces {
  const files = [...new Set(places.map((place) => place.file))]
  return {
    files,
    file: places.map((place) => files.indexOf(place.file)),
    offset: places.map((place) => place.offset + (place.leadOffset ?? 0)),
    length: places.map((place) => place.leadLength ?? place.length),
    cutAt: places.map((place) =>
      place.leadOffset === undefined ? place.summary.evaluatedAt : null,
    ),
  }
}

function readLeads(places: RecordPlace[]): unknown[] {
  const reader = new LeadFileReader()
  try {
    return reader.texts(leadPlaces(places)).map((text) => JSON.parse(text!))
  } finally {
    reader.close()
  }
}

describe('NdjsonDecisionLog places', () => {
  it("indexes each lead's bytes on append, so they read back as the lead", async () => {
    const log = await NdjsonDecisionLog.open(dir)
    await log.append([entry(1), entry(2), entry(3)])
    const places = await log.places({})
    expect(places.map((place) => place.summary.decisionId)).toEqual(
      [1, 2, 3].map((n) => entry(n).decisionId),
    )
    expect(places.every((place) => place.leadOffset !== undefined)).toBe(true)
    expect(readLeads(places)).toEqual([leadOf(1), leadOf(2), leadOf(3)])
    await log.close()
  })

  it('gives the newest N of a filter, oldest first, as records does', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    await log.append([1, 2, 3, 4].map(entry))
    const places = await log.places({ rulesetId: 'r' }, 2)
    expect(places.map((place) => place.summary.leadId)).toEqual(['L-3', 'L-4'])
    await log.close()
  })

  it('keeps the lead ranges in sealed segments across a reopen', async () => {
    const first = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 1024 })
    for (let n = 1; n <= 6; n++) await first.append([entry(n)])
    await first.close()
    const index = JSON.parse(readFileSync(join(dir, 'segment-000001.index.json'), 'utf8')) as {
      format: number
    }
    expect(index.format).toBe(3)
    const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 1024 })
    const places = await log.places({})
    expect(new Set(places.map((place) => place.file)).size).toBeGreaterThan(1)
    expect(places.every((place) => place.leadOffset !== undefined)).toBe(true)
    expect(readLeads(places)).toEqual([1, 2, 3, 4, 5, 6].map(leadOf))
    await log.close()
  })

  it('reads an index of format 2 (no lead ranges): its leads are cut out of their records', async () => {
    const first = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 1024 })
    for (let n = 1; n <= 6; n++) await first.append([entry(n)])
    await first.close()
    const file = join(dir, 'segment-000001.index.json')
    const index = JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: unknown[][] }
    const old = { ...index, format: 2, entries: index.entries.map((tuple) => tuple.slice(0, 12)) }
    writeFileSync(file, JSON.stringify(old))
    const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 1024 })
    const places = await log.places({})
    const sealed = places.filter((place) => place.file.endsWith('segment-000001.ndjson'))
    expect(sealed.length).toBeGreaterThan(0)
    expect(sealed.every((place) => place.leadOffset === undefined)).toBe(true)
    expect(readLeads(places)).toEqual([1, 2, 3, 4, 5, 6].map(leadOf))
    // Still format 2 on disk: read as it is, not rebuilt.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(old)
    await log.close()
  })

  it('has no lead range for a record of another shape; the reader parses it whole', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    const other = { ...entry(1), json: JSON.stringify({ ...JSON.parse(entry(1).json), x: 1 }) }
    const reordered = JSON.parse(other.json) as Record<string, unknown>
    const { lead, ...rest } = reordered
    await log.append([{ ...other, json: JSON.stringify({ lead, ...rest }) }])
    const places = await log.places({})
    expect(places[0]!.leadOffset).toBeUndefined()
    expect(readLeads(places)).toEqual([leadOf(1)])
    await log.close()
  })
})

describe('LeadFileReader', () => {
  it('reads leads in order across files and across its read size, undefined past the end', () => {
    const a = join(dir, 'a')
    const b = join(dir, 'b')
    const big = 'x'.repeat(300 * 1024)
    writeFileSync(a, `{"n":1}${big}{"n":2}`)
    writeFileSync(b, '{"n":3}')
    const reader = new LeadFileReader()
    const texts = reader.texts({
      files: [a, b],
      file: [0, 0, 1, 1],
      offset: [0, 7 + big.length, 0, 100],
      length: [7, 7, 7, 7],
      cutAt: [null, null, null, null],
    })
    reader.close()
    expect(texts).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', undefined])
  })
})
