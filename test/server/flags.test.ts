import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness, type Person } from './harness.ts'
import { leads } from './fixtures.ts'

interface Flag {
  flagId: string
  decisionId: string
  rulesetId: string
  version: number
  leadId: string | null
  outcome: string
  suggestedOutcome: string | null
  ruleIds: string[]
  comment: string
  side: string
  createdBy: { id: string; name: string }
  createdAt: string
  status: string
  resolution: { note: string; by: { id: string; name: string }; at: string } | null
}

let h: Harness
/** Fresh decisions per test, so one test's flags never meet another's. */
const decide = async (leadId: 'T-1' | 'T-2' | 'T-3' | 'T-4' = 'T-2') => {
  const res = await h.request('key', 'POST', '/api/evaluate', {
    ruleset: 'b2b-inbound',
    lead: leads[leadId],
  })
  return ((await res.json()) as { decisionId: string }).decisionId
}
const flagAs = (as: Person, decisionId: string, body: unknown) =>
  h.request(as, 'POST', `/api/decisions/${decisionId}/flags`, body)
const raise = async (as: Person, decisionId: string, body: unknown = { comment: 'Wrong' }) => {
  const res = await flagAs(as, decisionId, body)
  expect(res.status).toBe(201)
  return (await res.json()) as Flag
}
const flagsOf = async (path: string) => {
  const res = await h.request('viewer', 'GET', path)
  expect(res.status).toBe(200)
  return ((await res.json()) as { flags: Flag[] }).flags
}

beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

describe('POST /api/decisions/:decisionId/flags', () => {
  it('flags a decision with what it said, the suggestion, the rules and who flagged it', async () => {
    const decisionId = await decide('T-2')
    const before = Date.now()
    const flag = await raise('sales', decisionId, {
      comment: '  They run a 45-seat pilot with us  ',
      suggestedOutcome: 'accepted',
      ruleIds: ['min-employees'],
    })
    expect(flag).toEqual({
      flagId: expect.stringMatching(/^flg_[a-z0-9]{12}$/),
      decisionId,
      rulesetId: 'b2b-inbound',
      version: 1,
      leadId: 'T-2',
      outcome: 'rejected',
      suggestedOutcome: 'accepted',
      ruleIds: ['min-employees'],
      comment: 'They run a 45-seat pilot with us',
      side: 'sales',
      createdBy: { id: h.userIds.sales, name: 'sales' },
      createdAt: expect.any(String),
      status: 'open',
      resolution: null,
    })
    expect(Date.parse(flag.createdAt)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('leaves out what was not suggested: no outcome, no rules', async () => {
    const flag = await raise('marketing', await decide('T-1'), { comment: 'Not our ICP' })
    expect(flag).toMatchObject({ suggestedOutcome: null, ruleIds: [], outcome: 'accepted' })
  })

  it('takes the side from the role: marketing, admin, and sales for someone holding both', async () => {
    const decisionId = await decide()
    expect((await raise('marketing', decisionId)).side).toBe('marketing')
    expect((await raise('admin', decisionId)).side).toBe('admin')
    expect((await raise('both', decisionId)).side).toBe('sales')
  })

  it('refuses a second open flag by the same person with 409 already_flagged', async () => {
    const decisionId = await decide()
    await raise('sales', decisionId)
    const res = await flagAs('sales', decisionId, { comment: 'Again' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'already_flagged', details: { decisionId } })
  })

  it('lets two people flag the same decision, listed newest first', async () => {
    const decisionId = await decide()
    const first = await raise('sales', decisionId, { comment: 'First' })
    const second = await raise('sales2', decisionId, { comment: 'Second' })
    const listed = await flagsOf(`/api/decisions/${decisionId}/flags`)
    expect(listed.map((flag) => flag.flagId)).toEqual([second.flagId, first.flagId])
    expect(listed.map((flag) => flag.createdBy.name)).toEqual(['sales2', 'sales'])
  })

  it('accepts one of two racing flags by the same person and refuses the other', async () => {
    const decisionId = await decide()
    const statuses = await Promise.all([
      flagAs('sales', decisionId, { comment: 'One' }),
      flagAs('sales', decisionId, { comment: 'Two' }),
    ]).then((answers) => answers.map((res) => res.status).sort())
    expect(statuses).toEqual([201, 409])
    expect(await flagsOf(`/api/decisions/${decisionId}/flags`)).toHaveLength(1)
  })

  it('answers an empty comment with 400 naming the field', async () => {
    const res = await flagAs('sales', await decide(), { comment: '   ' })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_request')
    expect(error.details).toMatchObject({ issues: [{ path: 'comment' }] })
  })

  it('answers a missing comment with 400', async () => {
    const res = await flagAs('sales', await decide(), { suggestedOutcome: 'accepted' })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toMatchObject({ issues: [{ path: 'comment' }] })
  })

  it('takes a comment of 2,000 characters and refuses 2,001', async () => {
    const decisionId = await decide()
    const long = await flagAs('sales', decisionId, { comment: 'x'.repeat(2001) })
    expect(long.status).toBe(400)
    expect((await errorOf(long)).details).toMatchObject({
      issues: [{ path: 'comment', message: 'at most 2000 characters' }],
    })
    expect((await raise('sales', decisionId, { comment: 'x'.repeat(2000) })).comment).toHaveLength(
      2000,
    )
  })

  it('answers rule ids that are not rules of the decided version with 422 naming each', async () => {
    const res = await flagAs('sales', await decide(), {
      comment: 'Wrong',
      ruleIds: ['min-employees', 'no-such-rule'],
    })
    expect(res.status).toBe(422)
    expect(await errorOf(res)).toMatchObject({
      code: 'unknown_rule',
      details: {
        issues: [
          { path: 'ruleIds[1]', message: '"no-such-rule" is not a rule of b2b-inbound version 1' },
        ],
      },
    })
  })

  it('answers an outcome that does not exist with 400', async () => {
    const res = await flagAs('sales', await decide(), { comment: 'x', suggestedOutcome: 'maybe' })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toMatchObject({ issues: [{ path: 'suggestedOutcome' }] })
  })

  it('refuses unknown fields', async () => {
    const res = await flagAs('sales', await decide(), { comment: 'x', side: 'marketing' })
    expect(res.status).toBe(400)
  })

  it('refuses a __proto__ key before anything is stored', async () => {
    const decisionId = await decide()
    const res = await flagAs(
      'sales',
      decisionId,
      '{"comment":"x","__proto__":{"status":"resolved"}}',
    )
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({
      code: 'forbidden_key',
      details: { path: '__proto__' },
    })
    expect(await flagsOf(`/api/decisions/${decisionId}/flags`)).toEqual([])
  })

  it('answers 404 for a decision that is not in the log', async () => {
    const res = await flagAs('sales', `d${'0'.repeat(26)}`, { comment: 'x' })
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('decision_not_found')
  })

  it('answers 400 for something that is not a decision id', async () => {
    const res = await flagAs('sales', 'not-a-decision', { comment: 'x' })
    expect(res.status).toBe(400)
  })

  it('refuses viewers (403), evaluate keys (403) and anonymous callers (401)', async () => {
    const decisionId = await decide()
    expect((await flagAs('viewer', decisionId, { comment: 'x' })).status).toBe(403)
    const key = await h.request('key', 'POST', `/api/decisions/${decisionId}/flags`, {
      comment: 'x',
    })
    expect(key.status).toBe(403)
    const none = await h.request('none', 'POST', `/api/decisions/${decisionId}/flags`, {
      comment: 'x',
    })
    expect(none.status).toBe(401)
  })
})

describe('GET /api/decisions/:decisionId/flags', () => {
  it('answers an empty list for a decision nobody flagged', async () => {
    expect(await flagsOf(`/api/decisions/${await decide()}/flags`)).toEqual([])
  })

  it('answers 404 for a decision that is not in the log', async () => {
    const res = await h.request('viewer', 'GET', `/api/decisions/d${'0'.repeat(26)}/flags`)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('decision_not_found')
  })
})

describe('GET /api/rulesets/:id/flags', () => {
  it('lists open flags by default, and each status on request, newest first', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', {
      id: 'flagged',
      name: 'Flagged',
      rules: [],
    })
    await h.request('marketing', 'POST', '/api/rulesets/flagged/versions/1/publish', {})
    const decided = async () => {
      const res = await h.request('key', 'POST', '/api/evaluate', {
        ruleset: 'flagged',
        version: 1,
        lead: { id: 'L-9' },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { decisionId: string }).decisionId
    }
    const a = await raise('sales', await decided())
    const b = await raise('sales', await decided())
    const c = await raise('sales', await decided())
    await h.request('marketing', 'POST', `/api/flags/${b.flagId}/dismiss`, { note: 'Stands' })
    const ids = async (query: string) =>
      (await flagsOf(`/api/rulesets/flagged/flags${query}`)).map((flag) => flag.flagId)
    expect(await ids('')).toEqual([c.flagId, a.flagId])
    expect(await ids('?status=open')).toEqual([c.flagId, a.flagId])
    expect(await ids('?status=dismissed')).toEqual([b.flagId])
    expect(await ids('?status=resolved')).toEqual([])
    expect(await ids('?status=all')).toEqual([c.flagId, b.flagId, a.flagId])
  })

  it('answers 404 for a ruleset that does not exist', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets/no-such/flags')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('ruleset_not_found')
  })

  it('answers a status that does not exist with 400', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/flags?status=closed')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toMatchObject({ issues: [{ path: 'status' }] })
  })
})

describe('POST /api/flags/:flagId/resolve and /dismiss', () => {
  it('resolves an open flag with the note, who and when', async () => {
    const flag = await raise('sales', await decide())
    const res = await h.request('marketing', 'POST', `/api/flags/${flag.flagId}/resolve`, {
      note: ' Floor lowered to 40 in version 2 ',
    })
    expect(res.status).toBe(200)
    const resolved = (await res.json()) as Flag
    expect(resolved).toEqual({
      ...flag,
      status: 'resolved',
      resolution: {
        note: 'Floor lowered to 40 in version 2',
        by: { id: h.userIds.marketing, name: 'marketing' },
        at: expect.any(String),
      },
    })
    expect(await flagsOf(`/api/decisions/${flag.decisionId}/flags`)).toEqual([resolved])
  })

  it('dismisses an open flag', async () => {
    const flag = await raise('sales', await decide())
    const res = await h.request('admin', 'POST', `/api/flags/${flag.flagId}/dismiss`, {
      note: 'The lead is a competitor',
    })
    expect(res.status).toBe(200)
    expect((await res.json()) as Flag).toMatchObject({
      status: 'dismissed',
      resolution: { note: 'The lead is a competitor', by: { name: 'admin' } },
    })
  })

  it('answers 409 flag_closed for a flag that is not open, keeping the first resolution', async () => {
    const flag = await raise('sales', await decide())
    await h.request('marketing', 'POST', `/api/flags/${flag.flagId}/resolve`, { note: 'Done' })
    const res = await h.request('sales', 'POST', `/api/flags/${flag.flagId}/dismiss`, {
      note: 'No',
    })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({
      code: 'flag_closed',
      details: { flagId: flag.flagId, status: 'resolved' },
    })
    const [stored] = await flagsOf(`/api/decisions/${flag.decisionId}/flags`)
    expect(stored).toMatchObject({ status: 'resolved', resolution: { note: 'Done' } })
  })

  it('lets the flagger flag the decision again once the flag is closed', async () => {
    const flag = await raise('sales', await decide())
    await h.request('marketing', 'POST', `/api/flags/${flag.flagId}/dismiss`, { note: 'No' })
    const again = await raise('sales', flag.decisionId, { comment: 'Still wrong' })
    expect(again.status).toBe('open')
  })

  it('answers 404 flag_not_found for a flag that does not exist', async () => {
    const res = await h.request('marketing', 'POST', '/api/flags/flg_000000000000/resolve', {
      note: 'x',
    })
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('flag_not_found')
  })

  it('answers an empty note with 400 naming the field and leaves the flag open', async () => {
    const flag = await raise('sales', await decide())
    const res = await h.request('marketing', 'POST', `/api/flags/${flag.flagId}/resolve`, {
      note: '',
    })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toMatchObject({ issues: [{ path: 'note' }] })
    expect((await flagsOf(`/api/decisions/${flag.decisionId}/flags`))[0]!.status).toBe('open')
  })

  it('refuses viewers with 403', async () => {
    const flag = await raise('sales', await decide())
    const res = await h.request('viewer', 'POST', `/api/flags/${flag.flagId}/resolve`, {
      note: 'x',
    })
    expect(res.status).toBe(403)
  })
})

describe('OpenAPI', () => {
  it('documents every flag route', async () => {
    const doc = (await (await h.request('none', 'GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    expect(Object.keys(doc.paths['/api/decisions/{decisionId}/flags']!).sort()).toEqual([
      'get',
      'post',
    ])
    expect(Object.keys(doc.paths['/api/rulesets/{id}/flags']!)).toEqual(['get'])
    expect(Object.keys(doc.paths['/api/flags/{flagId}/resolve']!)).toEqual(['post'])
    expect(Object.keys(doc.paths['/api/flags/{flagId}/dismiss']!)).toEqual(['post'])
  })
})
