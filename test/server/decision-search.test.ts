import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NdjsonDecisionLog } from '../../server/store/decision-log/ndjson-decision-log.ts'
import { logExampleDecisions } from './example-decisions.ts'
import { errorOf, openHarness, type Harness } from './harness.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
  // Twelve decisions: T-1 (accepted), T-2 (rejected), T-3 (nurture), T-4 (rejected) three times.
  await logExampleDecisions(h)
})
afterAll(() => h.close())

interface Page {
  items: { decisionId: string; leadId: string; email: string | null; reasonIds: string[] }[]
  nextCursor: string | null
}
const search = async (query: string) => {
  const res = await h.request('viewer', 'GET', `/api/decisions?${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Page
}
const leadIds = (page: Page) => page.items.map((item) => item.leadId)

describe('GET /api/decisions search filters', () => {
  it('finds a contact by email in any case', async () => {
    const page = await search('email=SAM@TinyShop.com')
    expect(leadIds(page)).toEqual(['T-2', 'T-2', 'T-2'])
    expect(page.items[0]!.email).toBe('sam@tinyshop.com')
  })

  it('finds a company by part of its name', async () => {
    expect(leadIds(await search('company=northwind'))).toEqual(['T-1', 'T-1', 'T-1'])
  })

  it('finds decisions by a rule among their reasons', async () => {
    expect(leadIds(await search('reason=competitor'))).toEqual(['T-4', 'T-4', 'T-4'])
    expect((await search('reason=decision-title')).items).toHaveLength(12)
    expect(leadIds(await search('reason=min-employees&outcome=rejected'))).toEqual([
      'T-2',
      'T-2',
      'T-2',
    ])
  })

  it('combines filters with ruleset and version', async () => {
    expect((await search('outcome=rejected&ruleset=b2b-inbound&version=1')).items).toHaveLength(6)
    expect((await search('outcome=rejected&version=2')).items).toHaveLength(0)
  })

  it('pages through an email search with the cursor', async () => {
    const first = await search('email=kim@contoso-health.com&limit=2')
    expect(leadIds(first)).toEqual(['T-3', 'T-3'])
    const second = await search(`email=kim@contoso-health.com&limit=2&cursor=${first.nextCursor}`)
    expect(leadIds(second)).toEqual(['T-3'])
    expect(second.nextCursor).toBeNull()
  })

  it('limits to a date range', async () => {
    const all = await search('limit=12')
    const oldest = all.items.at(-1)!.decisionId
    const stored = (await (
      await h.request('viewer', 'GET', `/api/decisions/${oldest}`)
    ).json()) as {
      evaluatedAt: string
    }
    const after = new Date(Date.parse(stored.evaluatedAt) + 1).toISOString()
    expect((await search(`to=${after}&limit=100`)).items.map((i) => i.decisionId)).toEqual([oldest])
    expect((await search('from=2099-01-01T00:00:00Z')).items).toHaveLength(0)
  })
})

describe('GET /api/decisions/export.csv', () => {
  it('streams every match as CSV with a header', async () => {
    const res = await h.request('viewer', 'GET', '/api/decisions/export.csv?outcome=rejected')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(6)
    expect(rows.filter((row) => row.leadId === 'T-4')).toHaveLength(3)
    expect(rows.find((row) => row.leadId === 'T-4')!.reasonIds!.split(' ')).toContain('competitor')
  })

  it('answers a bad filter with 400 naming the field', async () => {
    const res = await h.request('viewer', 'GET', '/api/decisions/export.csv?outcome=maybe')
    expect(res.status).toBe(400)
    expect(JSON.stringify((await errorOf(res)).details)).toContain('outcome')
  })

  it('refuses anonymous exports', async () => {
    expect((await h.request('none', 'GET', '/api/decisions/export.csv')).status).toBe(401)
  })
})

describe('decision log search fields', () => {
  it('keeps email, company and reasons in sealed segment indexes across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-search-'))
    try {
      const log = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 200 })
      for (let n = 1; n <= 4; n++) {
        const record = {
          decisionId: `d${String(n).padStart(26, '0')}`,
          leadId: `L-${n}`,
          ruleset: { id: 'r', version: 1 },
          outcome: 'rejected',
          score: 0,
          reasons: [{ ruleId: n % 2 ? 'odd' : 'even' }],
          evaluatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
          lead: { contact: { email: `p${n}@x.com` }, company: { name: `Firm ${n}` } },
        }
        await log.append([
          {
            decisionId: record.decisionId,
            leadId: record.leadId,
            rulesetId: 'r',
            version: 1,
            outcome: 'rejected',
            score: 0,
            evaluatedAt: record.evaluatedAt,
            email: `p${n}@x.com`,
            company: `Firm ${n}`,
            reasonIds: [record.reasons[0]!.ruleId],
            json: JSON.stringify(record),
          },
        ])
      }
      await log.close()
      const reopened = await NdjsonDecisionLog.open(dir, { maxSegmentBytes: 200 })
      expect((await reopened.stats()).segments).toBeGreaterThan(1)
      const byReason = await reopened.query({ reason: 'odd', limit: 10 })
      expect(byReason.items.map((item) => item.leadId)).toEqual(['L-3', 'L-1'])
      const byEmail = await reopened.query({ email: 'P2@x.com', limit: 10 })
      expect(byEmail.items.map((item) => item.company)).toEqual(['Firm 2'])
      await reopened.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
