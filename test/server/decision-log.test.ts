import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GroupCommit } from '../../server/store/decision-log/group-commit.ts'
import { NdjsonDecisionLog } from '../../server/store/decision-log/ndjson-decision-log.ts'
import type { DecisionEntry } from '../../server/store/types.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadgate-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function entry(n: number, leadId = `L-${n}`, padding = 0): DecisionEntry {
  const summary = {
    decisionId: `d${String(n).padStart(26, '0')}`,
    leadId,
    rulesetId: 'r',
    version: 1,
    outcome: n % 2 === 0 ? ('accepted' as const) : ('rejected' as const),
    score: n,
    evaluatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  }
  const record = {
    decisionId: summary.decisionId,
    leadId,
    ruleset: { id: 'r', version: 1 },
    outcome: summary.outcome,
    score: n,
    evaluatedAt: summary.evaluatedAt,
    pad: 'x'.repeat(padding),
  }
  return { ...summary, json: JSON.stringify(record) }
}

describe('GroupCommit', () => {
  it('commits items that arrive during a commit together, in one call', async () => {
    const calls: number[][] = []
    const commits = new GroupCommit<number>(async (items) => {
      calls.push(items)
      await new Promise((resolve) => setTimeout(resolve, 5))
    })
    await Promise.all([1, 2, 3, 4, 5].map((n) => commits.add([n])))
    expect(calls).toEqual([[1], [2, 3, 4, 5]])
  })

  it('rejects only the waiters of a failed commit', async () => {
    let fail = true
    const commits = new GroupCommit<number>(async () => {
      if (fail) {
        fail = false
        throw new Error('disk full')
      }
    })
    const results = await Promise.allSettled([commits.add([1]), commits.add([2])])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled'])
  })
})

describe('NdjsonDecisionLog', () => {
  it('streams every record intact across many reads of its shared buffer', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    // 400 records of ~3 KB: about five reads of 256 KB, with records cut at read boundaries.
    const all = Array.from({ length: 400 }, (_, n) => entry(n + 1, `L-${n + 1}`, 3000 + n))
    await log.append(all)
    const read: string[] = []
    for await (const { summary, bytes } of log.records({})) {
      read.push(`${summary.decisionId} ${bytes.toString('utf8')}`)
    }
    expect(read).toEqual(all.map((one) => `${one.decisionId} ${one.json}`))
    await log.close()
  })

  it('writes one NDJSON line per decision and reads each back by id', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    await Promise.all([1, 2, 3].map((n) => log.append([entry(n)])))
    expect(await log.getJson(entry(2).decisionId)).toBe(entry(2).json)
    const text = readFileSync(join(dir, 'segment-000001.ndjson'), 'utf8')
    expect(text.trim().split('\n')).toHaveLength(3)
    await log.close()
  })

  it('finds everything again after a reopen', async () => {
    const first = await NdjsonDecisionLog.open(dir)
    await first.append([entry(1), entry(2, 'L-1')])
    await first.close()
    const second = await NdjsonDecisionLog.open(dir)
    const page = await second.query({ leadId: 'L-1', limit: 10 })
    expect(page.items.map((item) => item.decisionId)).toEqual([
      entry(2).decisionId,
      entry(1).decisionId,
    ])
    expect(await second.getJson(entry(2, 'L-1').decisionId)).toBe(entry(2, 'L-1').json)
    await second.close()
  })

  it('rotates to a new segment past the size limit and writes an index for the sealed one', async () => {
    const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 4096 })
    for (let n = 1; n <= 10; n++) await log.append([entry(n, `L-${n}`, 1000)])
    const files = readdirSync(dir).sort()
    expect(files.filter((file) => file.endsWith('.ndjson')).length).toBeGreaterThan(2)
    expect(files).toContain('segment-000001.index.json')
    for (const file of files.filter((name) => name.endsWith('.ndjson'))) {
      expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(4096)
    }
    await log.close()
    const reopened = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 4096 })
    expect((await reopened.stats()).decisions).toBe(10)
    expect(await reopened.getJson(entry(1).decisionId)).toBe(entry(1, 'L-1', 1000).json)
    await reopened.close()
  })

  it('detects a torn last line on open, cuts it and keeps appending cleanly', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    await log.append([entry(1), entry(2)])
    await log.close()
    const file = join(dir, 'segment-000001.ndjson')
    const whole = statSync(file).size
    appendFileSync(file, entry(3).json.slice(0, 40))
    const warnings: string[] = []
    const reopened = await NdjsonDecisionLog.open(dir, {
      warn: (message) => warnings.push(message),
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('torn last line')
    expect(statSync(file).size).toBe(whole)
    expect((await reopened.stats()).decisions).toBe(2)
    await reopened.append([entry(4)])
    await reopened.close()
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as { score: number }).score)).toEqual([1, 2, 4])
  })

  it('makes a decision visible to readers only once it is durable', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    const pending = log.append([entry(1)])
    expect(await log.getJson(entry(1).decisionId)).toBeUndefined()
    await pending
    expect(await log.getJson(entry(1).decisionId)).toBe(entry(1).json)
    await log.close()
  })

  it('flushes pending appends on close', async () => {
    const log = await NdjsonDecisionLog.open(dir)
    const appends = [1, 2, 3, 4].map((n) => log.append([entry(n)]))
    await log.close()
    await Promise.all(appends)
    const reopened = await NdjsonDecisionLog.open(dir)
    expect((await reopened.stats()).decisions).toBe(4)
    await reopened.close()
  })
})
