import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness } from './harness.ts'

let h: Harness
let withEditor: Harness
beforeAll(async () => {
  h = await openHarness()
  const editorDir = join(h.dataDir, 'editor-build')
  mkdirSync(join(editorDir, 'assets'), { recursive: true })
  writeFileSync(join(editorDir, 'index.html'), '<!doctype html><div id="root">editor</div>')
  writeFileSync(join(editorDir, 'assets', 'app-1234.js'), 'console.log(1)')
  withEditor = await openHarness({ editorDir })
})
afterAll(async () => {
  await withEditor.close()
  await h.close()
})

describe('service routes', () => {
  it('reports health with version, uptime and store status', async () => {
    const res = await h.request('none', 'GET', '/api/health')
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      store: {
        rulesets: 2,
        // PostgreSQL counts the pages of its (empty) decisions table.
        decisions: { decisions: 0, segments: 1, bytes: h.store === 'postgres' ? 49152 : 0 },
      },
    })
    expect(typeof body.uptimeSeconds).toBe('number')
  })

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await h.request('none', 'GET', '/api/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/evaluate',
        '/api/evaluate/batch',
        '/api/rulesets/{id}/versions/{v}/approve',
        '/api/decisions/{decisionId}/replay',
      ]),
    )
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Ruleset', 'Decision', 'Error', 'Condition']),
    )
  })

  it('answers the same OpenAPI document each time, and 304 to a client that has it', async () => {
    const first = await h.request('none', 'GET', '/api/openapi.json')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{27}"$/)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const second = await h.request('none', 'GET', '/api/openapi.json')
    expect(second.headers.get('etag')).toBe(etag)
    expect(await second.text()).toBe(await first.text())
    const cached = await h.request('none', 'GET', '/api/openapi.json', undefined, {
      'if-none-match': etag,
    })
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
  })

  it('serves the API reference page', async () => {
    const res = await h.request('none', 'GET', '/api/docs')
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('/api/openapi.json')
  })

  it('answers an unknown API route with the error shape and 404', async () => {
    const res = await h.request('none', 'GET', '/api/nothing-here')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('route_not_found')
  })

  it('puts a request id on every answer, and in error bodies', async () => {
    const res = await h.request('none', 'GET', '/api/rulesets')
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(id)
  })

  it('sends security headers', async () => {
    const res = await h.request('none', 'GET', '/api/health')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})

describe('the editor at /', () => {
  it('explains that the editor is not built and links the API reference', async () => {
    const res = await h.request('none', 'GET', '/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('editor is not built')
    expect(html).toContain('href="/api/docs"')
  })

  it('serves the built editor and its assets', async () => {
    expect(await (await withEditor.request('none', 'GET', '/')).text()).toContain('editor')
    const asset = await withEditor.request('none', 'GET', '/assets/app-1234.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
  })

  it('answers the editor’s own page paths with its index.html', async () => {
    const res = await withEditor.request('none', 'GET', '/rulesets/b2b-inbound/versions/2')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root">')
  })

  it('answers a missing asset with 404, not the app', async () => {
    expect((await withEditor.request('none', 'GET', '/assets/missing.js')).status).toBe(404)
  })
})
