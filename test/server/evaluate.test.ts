import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileRuleset, parseRuleset } from '../../engine/index.ts'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { leads, smallRuleset } from './fixtures.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

interface DecisionBody {
  decisionId: string
  leadId: string
  outcome: string
  score: number
  ruleset: { id: string; version: number }
  trace: { result: string; ruleId?: string; path: string }[]
  reasons: { ruleId: string | null; text: string }[]
}

const evaluate = (body: unknown, as: Parameters<Harness['request']>[0] = 'key') =>
  h.request(as, 'POST', '/api/evaluate', body)

describe('POST /api/evaluate', () => {
  it('decides each example lead as the ruleset expects', async () => {
    const outcomes: Record<string, string> = {}
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4']) {
      const res = await evaluate({ ruleset: 'b2b-inbound', lead: leads[id] })
      expect(res.status).toBe(200)
      outcomes[id] = ((await res.json()) as DecisionBody).outcome
    }
    expect(outcomes).toEqual({
      'T-1': 'accepted',
      'T-2': 'rejected',
      'T-3': 'nurture',
      'T-4': 'rejected',
    })
  })

  it('answers with the failing and unknown conditions only, by default', async () => {
    const body = (await (
      await evaluate({ ruleset: 'b2b-inbound', lead: leads['T-2'] })
    ).json()) as DecisionBody
    expect(body.trace.length).toBeGreaterThan(0)
    expect(body.trace.filter((entry) => entry.result === 'pass')).toEqual([])
    expect(body.ruleset).toEqual({ id: 'b2b-inbound', version: 1 })
    expect(body.leadId).toBe('T-2')
    expect(body.decisionId).toMatch(/^d[0-9a-z]{26}$/)
  })

  it('answers with the same decision the engine makes, plus its id', async () => {
    const stored = (await (
      await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/1')
    ).json()) as { ruleset: unknown }
    const compiled = compileRuleset(parseRuleset(stored.ruleset))
    const body = (await (
      await evaluate({ ruleset: 'b2b-inbound', lead: leads['T-3'], trace: 'full' })
    ).json()) as DecisionBody & { evaluatedAt: string }
    const expected = compiled.evaluate(leads['T-3']!, {
      trace: 'full',
      now: new Date(body.evaluatedAt),
    })
    expect(body).toEqual({ decisionId: body.decisionId, ...expected })
  })

  it('answers with no trace for trace "none"', async () => {
    const body = (await (
      await evaluate({ ruleset: 'b2b-inbound', lead: leads['T-1'], trace: 'none' })
    ).json()) as DecisionBody
    expect(body.trace).toEqual([])
  })

  it('keeps the full trace in the log whatever the answer carried', async () => {
    const answer = (await (
      await evaluate({ ruleset: 'b2b-inbound', lead: leads['T-1'], trace: 'none' })
    ).json()) as DecisionBody
    const res = await h.request('viewer', 'GET', `/api/decisions/${answer.decisionId}`)
    expect(res.status).toBe(200)
    const stored = (await res.json()) as DecisionBody & { lead: unknown; source: { kind: string } }
    const full = (await (
      await evaluate({ ruleset: 'b2b-inbound', lead: leads['T-1'], trace: 'full' })
    ).json()) as DecisionBody
    expect(stored.trace).toEqual(full.trace)
    expect(stored.trace.some((entry) => entry.result === 'pass')).toBe(true)
    expect(stored.lead).toEqual(leads['T-1'])
    expect(stored.source.kind).toBe('key')
  })

  it('evaluates a named draft version', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('draft-eval', 100))
    const res = await evaluate(
      { ruleset: 'draft-eval', version: 1, lead: { id: 'x', company: { employees: 150 } } },
      'sales',
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as DecisionBody).ruleset).toEqual({ id: 'draft-eval', version: 1 })
  })

  it('answers 404 for an unknown ruleset, an unknown version, and a ruleset with nothing published', async () => {
    const unknown = await evaluate({ ruleset: 'no-such', lead: {} })
    expect([unknown.status, (await errorOf(unknown)).code]).toEqual([404, 'ruleset_not_found'])
    const version = await evaluate({ ruleset: 'b2b-inbound', version: 42, lead: {} })
    expect([version.status, (await errorOf(version)).code]).toEqual([404, 'version_not_found'])
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('unpublished'))
    const draftOnly = await evaluate({ ruleset: 'unpublished', lead: {} })
    expect([draftOnly.status, (await errorOf(draftOnly)).code]).toEqual([
      404,
      'no_published_version',
    ])
  })

  it('evaluates against the newly published version right after a publish', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('republish', 10))
    for (const [as, action] of [
      ['marketing', 'submit'],
      ['marketing', 'approve'],
      ['sales', 'approve'],
      ['sales', 'publish'],
    ] as const) {
      await h.request(as, 'POST', `/api/rulesets/republish/versions/1/${action}`, {})
    }
    const lead = { id: 'L', company: { employees: 50 }, contact: { title: 'Director' } }
    expect(
      ((await (await evaluate({ ruleset: 'republish', lead })).json()) as DecisionBody).outcome,
    ).toBe('accepted')
    const draft = (await (
      await h.request('marketing', 'POST', '/api/rulesets/republish/versions', {})
    ).json()) as { etag: string }
    await h.request(
      'marketing',
      'PUT',
      '/api/rulesets/republish/versions/2',
      smallRuleset('republish', 100),
      { 'if-match': draft.etag },
    )
    for (const [as, action] of [
      ['marketing', 'submit'],
      ['marketing', 'approve'],
      ['sales', 'approve'],
      ['sales', 'publish'],
    ] as const) {
      await h.request(as, 'POST', `/api/rulesets/republish/versions/2/${action}`, {})
    }
    const after = (await (await evaluate({ ruleset: 'republish', lead })).json()) as DecisionBody
    expect([after.ruleset.version, after.outcome]).toEqual([2, 'rejected'])
  })
})

describe('bad input to /api/evaluate', () => {
  const cases: [string, string | unknown, Record<string, string>, number, string, string?][] = [
    ['no lead', { ruleset: 'b2b-inbound' }, {}, 400, 'invalid_request', 'lead'],
    ['lead is a list', { ruleset: 'b2b-inbound', lead: [] }, {}, 400, 'invalid_request', 'lead'],
    ['ruleset is a number', { ruleset: 7, lead: {} }, {}, 400, 'invalid_request', 'ruleset'],
    [
      'unknown field',
      { ruleset: 'b2b-inbound', lead: {}, rules: [] },
      {},
      400,
      'invalid_request',
      '',
    ],
    [
      'bad trace mode',
      { ruleset: 'b2b-inbound', lead: {}, trace: 'some' },
      {},
      400,
      'invalid_request',
      'trace',
    ],
    [
      'version zero',
      { ruleset: 'b2b-inbound', lead: {}, version: 0 },
      {},
      400,
      'invalid_request',
      'version',
    ],
    [
      'lead id is an object',
      { ruleset: 'b2b-inbound', lead: { id: {} } },
      {},
      400,
      'invalid_request',
      'lead.id',
    ],
    ['malformed JSON', '{"ruleset": "b2b-inbound", "lead": {', {}, 400, 'invalid_json'],
    [
      '__proto__ key',
      '{"ruleset":"b2b-inbound","lead":{"__proto__":{"admin":true}}}',
      {},
      400,
      'forbidden_key',
    ],
    [
      'constructor key',
      { ruleset: 'b2b-inbound', lead: { company: { constructor: 1 } } },
      {},
      400,
      'forbidden_key',
    ],
    ['prototype key', { ruleset: 'b2b-inbound', lead: { prototype: 1 } }, {}, 400, 'forbidden_key'],
    [
      '10,000-deep nesting',
      `{"ruleset":"b2b-inbound","lead":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
      {},
      400,
      'too_deep',
    ],
    [
      'text/plain body',
      '{"ruleset":"b2b-inbound","lead":{}}',
      { 'content-type': 'text/plain' },
      415,
      'unsupported_media_type',
    ],
    [
      'form body',
      'ruleset=b2b-inbound',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      '2 MB body',
      { ruleset: 'b2b-inbound', lead: { notes: 'x'.repeat(2 * 1024 * 1024) } },
      {},
      413,
      'payload_too_large',
    ],
  ]
  for (const [name, body, headers, status, code, path] of cases) {
    it(`answers ${name} with ${status} ${code}`, async () => {
      const res = await h.request('key', 'POST', '/api/evaluate', body, headers)
      expect(res.status).toBe(status)
      const error = await errorOf(res)
      expect(error.code).toBe(code)
      if (path !== undefined) {
        const issues = (error.details as { issues: { path: string }[] }).issues
        expect(issues.map((issue) => issue.path)).toContain(path)
      }
    })
  }

  it('answers invalid UTF-8 with 400 invalid_utf8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"ruleset":"b2b-inbound","lead":{"n":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}}'),
    ])
    const res = await h.app.request('/api/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.apiKey}` },
      body: bytes,
    })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_utf8')
  })

  it('logs nothing for a refused request', async () => {
    const before = (await h.services.decisions.stats()).decisions
    await h.request(
      'key',
      'POST',
      '/api/evaluate',
      '{"ruleset":"b2b-inbound","lead":{"__proto__":{}}}',
    )
    await h.request('key', 'POST', '/api/evaluate', { ruleset: 'b2b-inbound' })
    expect((await h.services.decisions.stats()).decisions).toBe(before)
  })
})

describe('bodies on optional-body routes', () => {
  it('treats a POST without any body as an empty request', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('no-body'))
    const res = await h.app.request('/api/rulesets/no-body/versions/1/submit', {
      method: 'POST',
      headers: { cookie: h.cookies.marketing },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { status: string }).status).toBe('in_review')
  })

  it('treats an empty JSON body as an empty request', async () => {
    const res = await h.app.request('/api/rulesets/b2b-inbound/versions', {
      method: 'POST',
      headers: { cookie: h.cookies.marketing, 'content-type': 'application/json' },
      body: '',
    })
    expect(res.status).toBe(201)
  })
})
