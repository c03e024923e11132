import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateNdjson } from '../../server/evaluation/batch-stream.ts'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

type Line = {
  line?: number
  decision?: { outcome: string; leadId: string; decisionId: string; trace: unknown[] }
  error?: { code: string }
  summary?: Record<string, number>
}

const ndjson = (...values: unknown[]) =>
  values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n') +
  '\n'

async function batch(body: BodyInit, query = 'ruleset=b2b-inbound', type = 'application/x-ndjson') {
  const res = await h.app.request(`/api/evaluate/batch?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${h.apiKey}` },
    body,
  })
  return res
}

const linesOf = async (res: Response) =>
  (await res.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line)

describe('POST /api/evaluate/batch', () => {
  it('answers one line per lead, in order, then a summary', async () => {
    const res = await batch(ndjson(leads['T-1'], leads['T-2'], leads['T-3'], leads['T-4']))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/x-ndjson')
    const lines = await linesOf(res)
    expect(
      lines.slice(0, 4).map((line) => [line.line, line.decision?.leadId, line.decision?.outcome]),
    ).toEqual([
      [1, 'T-1', 'accepted'],
      [2, 'T-2', 'rejected'],
      [3, 'T-3', 'nurture'],
      [4, 'T-4', 'rejected'],
    ])
    expect(lines[4]!.summary).toEqual({
      lines: 4,
      decided: 4,
      errors: 0,
      accepted: 1,
      nurture: 1,
      rejected: 2,
    })
  })

  it('answers a bad line with an error line and decides the rest', async () => {
    const res = await batch(
      ndjson(leads['T-1'], '{"id": "broken', '[1,2]', '{"__proto__":{}}', leads['T-2']),
    )
    const lines = await linesOf(res)
    expect(lines.map((line) => [line.line, line.error?.code ?? line.decision?.outcome])).toEqual([
      [1, 'accepted'],
      [2, 'invalid_json'],
      [3, 'invalid_lead'],
      [4, 'forbidden_key'],
      [5, 'rejected'],
      [undefined, undefined],
    ])
    expect(lines[5]!.summary).toMatchObject({ lines: 5, decided: 2, errors: 3 })
  })

  it('logs every decided lead, findable by its decision id', async () => {
    const lines = await linesOf(await batch(ndjson({ ...leads['T-1'], id: 'batch-logged' })))
    const stored = await h.request(
      'viewer',
      'GET',
      `/api/decisions/${lines[0]!.decision!.decisionId}`,
    )
    expect(stored.status).toBe(200)
    expect(((await stored.json()) as { leadId: string }).leadId).toBe('batch-logged')
  })

  it('skips blank lines and accepts a last line without a newline and CRLF endings', async () => {
    const body = `${JSON.stringify(leads['T-1'])}\r\n\r\n${JSON.stringify(leads['T-2'])}`
    const lines = await linesOf(await batch(body))
    expect(lines.map((line) => line.line ?? 'summary')).toEqual([1, 3, 'summary'])
  })

  it('answers a line over the size limit with line_too_large, without holding it', async () => {
    const big = JSON.stringify({ id: 'big', notes: 'x'.repeat(70 * 1024) })
    const lines = await linesOf(await batch(ndjson(big, leads['T-1'])))
    expect(lines.map((line) => line.error?.code ?? line.decision?.outcome ?? 'summary')).toEqual([
      'line_too_large',
      'accepted',
      'summary',
    ])
  })

  it('uses the trace mode from the query (default none)', async () => {
    const none = await linesOf(await batch(ndjson(leads['T-2'])))
    expect(none[0]!.decision!.trace).toEqual([])
    const failing = await linesOf(
      await batch(ndjson(leads['T-2']), 'ruleset=b2b-inbound&trace=failing'),
    )
    expect(failing[0]!.decision!.trace.length).toBeGreaterThan(0)
  })

  it('streams a large batch of 5,000 leads', async () => {
    const body = Array.from({ length: 5000 }, (_, at) =>
      JSON.stringify({ ...leads['T-1'], id: `bulk-${at}` }),
    ).join('\n')
    const lines = await linesOf(await batch(body))
    expect(lines).toHaveLength(5001)
    expect(lines[5000]!.summary).toMatchObject({ lines: 5000, decided: 5000, accepted: 5000 })
  })

  it('refuses a body that is not NDJSON with 415', async () => {
    const res = await batch(ndjson(leads['T-1']), 'ruleset=b2b-inbound', 'text/csv')
    expect(res.status).toBe(415)
  })

  it('answers an unknown ruleset with 404 before reading the body', async () => {
    const res = await batch(ndjson(leads['T-1']), 'ruleset=nope')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('ruleset_not_found')
  })

  it('answers a missing ruleset parameter with 400 naming it', async () => {
    const res = await batch(ndjson(leads['T-1']), '')
    expect(res.status).toBe(400)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(['ruleset'])
  })

  it('refuses batches from a viewer (403) and from nobody (401)', async () => {
    const viewer = await h.request(
      'viewer',
      'POST',
      '/api/evaluate/batch?ruleset=b2b-inbound',
      ndjson(leads['T-1']),
      { 'content-type': 'application/x-ndjson' },
    )
    expect(viewer.status).toBe(403)
    const none = await h.request(
      'none',
      'POST',
      '/api/evaluate/batch?ruleset=b2b-inbound',
      ndjson(leads['T-1']),
      { 'content-type': 'application/x-ndjson' },
    )
    expect(none.status).toBe(401)
  })
})

describe('evaluateNdjson limits', () => {
  it('stops after the lead limit with a too_many_leads line', async () => {
    const version = await h.services.evaluators.get('b2b-inbound')
    const input = new Response(ndjson(leads['T-1'], leads['T-2'], leads['T-3'], leads['T-4'])).body!
    const output = evaluateNdjson(input, {
      version,
      trace: 'none',
      source: { kind: 'user', id: 'test' },
      decisions: h.services.decisions,
      maxLeads: 2,
    })
    const lines = (await new Response(output).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line)
    expect(lines.map((line) => line.error?.code ?? line.decision?.outcome ?? 'summary')).toEqual([
      'accepted',
      'rejected',
      'too_many_leads',
      'summary',
    ])
  })

  it('reports log_failed and no decisions when the log cannot store them', async () => {
    const version = await h.services.evaluators.get('b2b-inbound')
    const failing = {
      ...h.services.decisions,
      append: () => Promise.reject(new Error('disk full')),
    }
    const output = evaluateNdjson(new Response(ndjson(leads['T-1'])).body!, {
      version,
      trace: 'none',
      source: { kind: 'user', id: 'test' },
      decisions: failing,
    })
    const lines = (await new Response(output).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { error?: { code: string }; decision?: unknown })
    expect(lines).toEqual([
      {
        error: {
          code: 'log_failed',
          message: expect.stringContaining('not decided'),
          details: null,
        },
      },
    ])
  })
})
