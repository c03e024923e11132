import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leads } from './fixtures.ts'
import { openHarness, type Harness } from './harness.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

/** Every header but the ones that differ per answer. */
const fixedHeaders = (res: Response) =>
  Object.fromEntries(
    [...res.headers].filter(
      ([name]) => !['x-request-id', 'content-type', 'content-length'].includes(name),
    ),
  )

describe('headers on every answer', () => {
  it('gives an evaluation (built with its headers in) the same security headers as other routes', async () => {
    const evaluated = await h.request('key', 'POST', '/api/evaluate', {
      ruleset: 'b2b-inbound',
      lead: leads['T-1'],
    })
    const health = await h.request('none', 'GET', '/api/health')
    expect(evaluated.status).toBe(200)
    expect(fixedHeaders(evaluated)).toEqual(fixedHeaders(health))
    expect(fixedHeaders(evaluated)['x-content-type-options']).toBe('nosniff')
    expect(evaluated.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('gives an evaluation its request id', async () => {
    const res = await h.request('key', 'POST', '/api/evaluate', {
      ruleset: 'b2b-inbound',
      lead: leads['T-2'],
    })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps a caller’s plain request id, on the fast path and on others', async () => {
    const headers = { 'x-request-id': 'crm-call-42' }
    const evaluated = await h.request(
      'key',
      'POST',
      '/api/evaluate',
      { ruleset: 'b2b-inbound', lead: leads['T-1'] },
      headers,
    )
    const health = await h.request('none', 'GET', '/api/health', undefined, headers)
    expect(evaluated.headers.get('x-request-id')).toBe('crm-call-42')
    expect(health.headers.get('x-request-id')).toBe('crm-call-42')
  })

  it('replaces a caller’s request id that is not a plain token', async () => {
    const res = await h.request('none', 'GET', '/api/health', undefined, {
      'x-request-id': 'bad id; with spaces',
    })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('puts the headers on error answers of the evaluation route too', async () => {
    const res = await h.request('key', 'POST', '/api/evaluate', { ruleset: 'nope', lead: {} })
    expect(res.status).toBe(404)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
