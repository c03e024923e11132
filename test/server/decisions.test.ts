import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftEmployeeFloor } from './employee-floor-draft.ts'
import { logExampleDecisions } from './example-decisions.ts'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { smallRuleset } from './fixtures.ts'

let h: Harness
let ids: Record<string, string>
beforeAll(async () => {
  h = await openHarness()
  // Twelve decisions: T-1..T-4 three times each, in order.
  ids = await logExampleDecisions(h)
})
afterAll(() => h.close())

interface Page {
  items: {
    decisionId: string
    leadId: string
    outcome: string
    rulesetId: string
    version: number
  }[]
  nextCursor: string | null
}
const page = async (query: string) => {
  const res = await h.request('viewer', 'GET', `/api/decisions${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Page
}

describe('GET /api/decisions', () => {
  it('lists decisions newest first', async () => {
    const { items } = await page('?limit=3')
    expect(items.map((item) => item.decisionId)).toEqual([ids['T-4#2'], ids['T-3#2'], ids['T-2#2']])
  })

  it('finds every decision of one lead', async () => {
    const { items, nextCursor } = await page('?leadId=T-2')
    expect(items.map((item) => item.decisionId)).toEqual([ids['T-2#2'], ids['T-2#1'], ids['T-2#0']])
    expect(nextCursor).toBeNull()
  })

  it('filters by outcome, ruleset and version', async () => {
    const { items } = await page('?outcome=nurture&ruleset=b2b-inbound&version=1')
    expect(items.map((item) => item.leadId)).toEqual(['T-3', 'T-3', 'T-3'])
    expect((await page('?version=2')).items).toEqual([])
  })

  it('pages through with the cursor without repeating or skipping', async () => {
    const seen: string[] = []
    let cursor = ''
    for (let guard = 0; guard < 10; guard++) {
      const next = await page(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...next.items.map((item) => item.decisionId))
      if (!next.nextCursor) break
      cursor = next.nextCursor
    }
    expect(seen).toEqual(Object.values(ids).reverse())
  })

  it('filters by time: from inclusive, to exclusive', async () => {
    const all = await page('?limit=100')
    const stored = (await (
      await h.request('viewer', 'GET', `/api/decisions/${ids['T-1#1']}`)
    ).json()) as { evaluatedAt: string }
    const later = await page(`?from=${encodeURIComponent(stored.evaluatedAt)}&limit=100`)
    expect(later.items.length).toBeGreaterThanOrEqual(8)
    expect(later.items.length).toBeLessThan(all.items.length)
    expect((await page('?to=2000-01-01T00:00:00Z')).items).toEqual([])
  })

  it('answers a cursor it did not issue with 400 invalid_cursor', async () => {
    const res = await h.request('viewer', 'GET', '/api/decisions?cursor=bm9wZQ')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_cursor')
  })

  it('answers bad filters with 400 naming each field', async () => {
    const res = await h.request(
      'viewer',
      'GET',
      '/api/decisions?outcome=maybe&limit=5000&from=yesterday',
    )
    expect(res.status).toBe(400)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path).sort()).toEqual(['from', 'limit', 'outcome'])
  })

  it('answers an unknown decision id with 404 and a malformed one with 400', async () => {
    const unknown = await h.request('viewer', 'GET', `/api/decisions/d${'0'.repeat(26)}`)
    expect([unknown.status, (await errorOf(unknown)).code]).toEqual([404, 'decision_not_found'])
    expect((await h.request('viewer', 'GET', '/api/decisions/..%2Fsecret')).status).toBe(400)
  })
})

describe('POST /api/decisions/:id/replay', () => {
  it('replays the stored lead against another version and says what changed', async () => {
    // Draft 2 lowers the employee floor to 10: T-2's failing requirement now passes.
    await draftEmployeeFloor(h, 10)
    const res = await h.request('viewer', 'POST', `/api/decisions/${ids['T-2#0']}/replay`, {
      version: 2,
    })
    expect(res.status).toBe(200)
    const replay = (await res.json()) as {
      stored: { decisionId: string; outcome: string }
      replayed: { ruleset: { version: number } }
      changes: {
        outcome: unknown
        rules: { ruleId: string; before: string | null; after: string | null }[]
      }
    }
    expect(replay.stored.decisionId).toBe(ids['T-2#0'])
    expect(replay.replayed.ruleset.version).toBe(2)
    expect(replay.changes.rules).toContainEqual({
      ruleId: 'min-employees',
      before: 'fail',
      after: 'pass',
    })
  })

  it('replays against the published version when no version is given, and logs nothing', async () => {
    const before = (await h.services.decisions.stats()).decisions
    const res = await h.request('viewer', 'POST', `/api/decisions/${ids['T-1#0']}/replay`)
    expect(res.status).toBe(200)
    const replay = (await res.json()) as {
      changes: { outcome: unknown; score: unknown; rules: unknown[] }
    }
    expect(replay.changes).toEqual({ outcome: null, score: null, rules: [] })
    expect((await h.services.decisions.stats()).decisions).toBe(before)
  })

  it('answers a replay against a version that does not exist with 404', async () => {
    const res = await h.request('viewer', 'POST', `/api/decisions/${ids['T-1#0']}/replay`, {
      version: 9,
    })
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('version_not_found')
  })

  it('keeps a decision readable after its ruleset version changes', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('kept'))
    const decided = await h.request('marketing', 'POST', '/api/evaluate', {
      ruleset: 'kept',
      version: 1,
      lead: { id: 'k', company: { employees: 60 } },
    })
    const { decisionId, outcome } = (await decided.json()) as {
      decisionId: string
      outcome: string
    }
    const draft = (await (
      await h.request('viewer', 'GET', '/api/rulesets/kept/versions/1')
    ).json()) as { etag: string }
    await h.request(
      'marketing',
      'PUT',
      '/api/rulesets/kept/versions/1',
      smallRuleset('kept', 500),
      { 'if-match': draft.etag },
    )
    const stored = (await (
      await h.request('viewer', 'GET', `/api/decisions/${decisionId}`)
    ).json()) as { outcome: string }
    expect(stored.outcome).toBe(outcome)
  })
})
