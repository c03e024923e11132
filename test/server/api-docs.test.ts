import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, repoRoot, type Harness } from './harness.ts'

const bundle = readFileSync(
  join(repoRoot, 'node_modules/@scalar/api-reference/dist/browser/standalone.js'),
)

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

describe('/api/docs works offline', () => {
  it('loads the reference viewer from this server, not a CDN', async () => {
    const res = await h.request('none', 'GET', '/api/docs')
    expect(res.status).toBe(200)
    const html = await res.text()
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1])
    expect(sources).toEqual(['/api/docs/scalar.js'])
    expect(html).not.toMatch(/https?:\/\//)
    expect(html).toContain('"withDefaultFonts": false')
  })

  it('allows scripts, fonts and connections only from this server', async () => {
    const res = await h.request('none', 'GET', '/api/docs')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).not.toMatch(/https?:/)
    expect(csp).toContain("script-src 'self' 'unsafe-inline';")
    expect(csp).toContain("connect-src 'self';")
  })

  it('serves the installed viewer script as JavaScript', async () => {
    const res = await h.request('none', 'GET', '/api/docs/scalar.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.equals(bundle)).toBe(true)
  })

  it('gzips the script for browsers that accept it', async () => {
    const res = await h.request('none', 'GET', '/api/docs/scalar.js', undefined, {
      'accept-encoding': 'gzip, deflate, br',
    })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(bundle.length / 2)
    expect(gunzipSync(body).equals(bundle)).toBe(true)
  })

  it('answers 304 to a browser that has the script already', async () => {
    const first = await h.request('none', 'GET', '/api/docs/scalar.js')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"scalar-1\.\d+\.\d+-\d+"$/)
    const again = await h.request('none', 'GET', '/api/docs/scalar.js', undefined, {
      'if-none-match': etag,
    })
    expect(again.status).toBe(304)
  })
})
