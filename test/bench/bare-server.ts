/**
 * The peer of the server benchmark: a bare Hono route on @hono/node-server, no middleware, no
 * work. `/api/evaluate` is measured against what this process serves on the same machine.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'

const app = new Hono().get('/', (c) => c.json({ ok: true }))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
