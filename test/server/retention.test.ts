import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NdjsonDecisionLog } from '../../server/store/decision-log/ndjson-decision-log.ts'
import type { DecisionEntry } from '../../server/store/types.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadgate-retention-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Decision n, logged on day n of January 2026; about 150 bytes a line. */
function entry(n: number): DecisionEntry {
  const summary = {
    decisionId: `d${String(n).padStart(26, '0')}`,
    leadId: `L-${n}`,
    rulesetId: 'r',
    version: 1,
    outcome: 'accepted' as const,
    score: n,
    evaluatedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
  }
  const record = { ...summary, ruleset: { id: 'r', version: 1 } }
  return { ...summary, json: JSON.stringify(record) }
}

describe('decision log retention', () => {
  it('drops whole sealed segments older than the cutoff and keeps the rest findable', async () => {
    // Two decisions per 400-byte segment: days 1-2, 3-4, 5-6, 7-8 (sealed), 9-10 (active).
    const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 400 })
    for (let n = 1; n <= 10; n++) await log.append([entry(n)])
    expect((await log.stats()).segments).toBe(5)
    const dropped = await log.dropBefore(new Date(Date.UTC(2026, 0, 5)).toISOString())
    expect(dropped).toBe(4)
    expect((await log.stats()).decisions).toBe(6)
    expect(await log.getJson(entry(2).decisionId)).toBeUndefined()
    expect(await log.getJson(entry(5).decisionId)).toBe(entry(5).json)
    const page = await log.query({ limit: 100 })
    expect(page.items.map((item) => item.leadId)).toEqual([
      'L-10',
      'L-9',
      'L-8',
      'L-7',
      'L-6',
      'L-5',
    ])
    await log.close()
    expect(readdirSync(dir).filter((name) => name.endsWith('.ndjson'))).toHaveLength(3)
    const reopened = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 400 })
    expect((await reopened.stats()).decisions).toBe(6)
    await reopened.close()
  })

  it('keeps a sealed segment that still holds a decision inside the retention period', async () => {
    const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 400 })
    for (let n = 1; n <= 6; n++) await log.append([entry(n)])
    // Day 3 is kept, so its segment (days 3-4) stays whole; only days 1-2 go.
    expect(await log.dropBefore(new Date(Date.UTC(2026, 0, 3, 12)).toISOString())).toBe(2)
    expect((await log.stats()).decisions).toBe(4)
    await log.close()
  })
})
