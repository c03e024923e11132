import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>leadgate</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem}</style>
</head><body>
<h1>leadgate is running</h1>
<p>The editor is not built yet. Run <code>npm run build</code> (or restart with <code>npm start</code>, which builds it when its sources are present).</p>
<p>The API works already: read the <a href="/api/docs">API reference</a> or fetch <a href="/api/openapi.json">the OpenAPI document</a>.</p>
</body></html>`

/**
 * Serves the built editor (`dist/editor`) at `/`: files as they are (hashed assets cached for
 * a year), and `index.html` for any other page path, so the editor's own routes survive a
 * reload. Without a build, `/` explains how to get one and links the API reference.
 */
export function editorSite(dir: string): MiddlewareHandler {
  const indexFile = join(dir, 'index.html')
  let files: MiddlewareHandler | undefined
  // Built on first use: the editor may be built after the server started.
  const serveFiles = () => (files ??= serveStatic({ root: dir }))
  return async (c, next) => {
    const method = c.req.method
    if (
      c.req.path.startsWith('/api/') ||
      c.req.path === '/api' ||
      (method !== 'GET' && method !== 'HEAD')
    ) {
      return next()
    }
    if (!existsSync(indexFile)) {
      return c.req.path === '/' ? c.html(notBuiltPage, 200) : next()
    }
    const served = await serveFiles()(c, async () => {})
    if (served) {
      // Vite names assets by content hash: they never change, index.html always may.
      const immutable = c.req.path.startsWith('/assets/')
      served.headers.set(
        'Cache-Control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
      return served
    }
    // A page path (no file extension) belongs to the editor's router: answer with the app.
    if (extname(c.req.path) === '') {
      c.header('Cache-Control', 'no-cache')
      return c.html(await readFile(indexFile, 'utf8'), 200)
    }
    return next()
  }
}
