/**
 * The ceiling of the server benchmark: the least work `/api/evaluate` must do, on a bare Hono
 * route. It reads the JSON body, decides the lead with the server's own `decideLead` (the
 * engine, the explanation and the JSON, built once for the answer and the log) and answers
 * with the default trace. No key check, no validation, no security headers and no decision
 * log: what it serves is more than any evaluate that does those can.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { compileRuleset, parseRuleset, type Lead } from '../../engine/index.ts'
import { decideLead } from '../../server/evaluation/decide.ts'
import { prepareVersion } from '../../server/evaluation/evaluator-cache.ts'

const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const version = prepareVersion(compileRuleset(ruleset), 'published', 'floor')
const source = { kind: 'key', id: 'floor' } as const

const app = new Hono().post('/', async (c) => {
  const { lead } = (await c.req.json()) as { lead: Lead }
  const decided = decideLead(version, lead, { trace: 'failing', source })
  return c.body(decided.responseJson, 200, { 'content-type': 'application/json' })
})
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
