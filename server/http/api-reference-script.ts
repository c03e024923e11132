import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import type { Context } from 'hono'

/** Where /api/docs loads the reference viewer from: this server, so the page works offline. */
export const API_REFERENCE_SCRIPT_PATH = '/api/docs/scalar.js'

const gzipped = promisify(gzip)

interface ScriptFile {
  plain: Buffer
  gzip: Buffer
  etag: string
}

let loading: Promise<ScriptFile> | undefined

/** The installed @scalar/api-reference package's single-file browser build (UMD, ~4 MB). */
function scriptFile(): string {
  // The package exports no path to its browser build; its stylesheet sits in the same dist/.
  const stylesheet = createRequire(import.meta.url).resolve('@scalar/api-reference/style.css')
  return join(dirname(stylesheet), 'browser', 'standalone.js')
}

/**
 * Read and compressed once, on first use: the bundle is 4 MB, about 1 MB gzipped, and never
 * changes while the server runs.
 */
function load(): Promise<ScriptFile> {
  loading ??= (async () => {
    const file = scriptFile()
    const plain = await readFile(file)
    const version = (
      JSON.parse(await readFile(join(dirname(file), '..', '..', 'package.json'), 'utf8')) as {
        version: string
      }
    ).version
    return { plain, gzip: await gzipped(plain), etag: `"scalar-${version}-${plain.length}"` }
  })()
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

/**
 * Serves the API reference viewer script, gzipped when the browser takes it, with an ETag so a
 * reload costs a 304.
 *
 * @example
 * app.get(API_REFERENCE_SCRIPT_PATH, serveApiReferenceScript)
 */
export async function serveApiReferenceScript(c: Context): Promise<Response> {
  const script = await load()
  const headers: Record<string, string> = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=86400',
    etag: script.etag,
    vary: 'accept-encoding',
  }
  if (c.req.header('if-none-match') === script.etag) return c.body(null, 304, headers)
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return c.body(new Uint8Array(script.gzip), 200, { ...headers, 'content-encoding': 'gzip' })
  }
  return c.body(new Uint8Array(script.plain), 200, headers)
}
