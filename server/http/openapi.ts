import type { OpenAPIHono } from '@hono/zod-openapi'
import { Scalar } from '@scalar/hono-api-reference'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { conditionSchema, operatorNames } from '../../engine/index.ts'
import type { AppEnv } from '../app-env.ts'
import { SESSION_COOKIE } from '../accounts/account-service.ts'
import { API_REFERENCE_SCRIPT_PATH, serveApiReferenceScript } from './api-reference-script.ts'

const ref = { $ref: '#/components/schemas/Condition' }

/**
 * The engine checks conditions in code (recursion, exactly one form), which a generator cannot
 * read; this describes the same shape for the OpenAPI document.
 */
function describeConditions(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('schemas', 'Condition', {
    description:
      'json-rules-engine condition over dotted fact paths: a leaf `{ fact, operator, value }` or a group `all` / `any` / `not`',
    oneOf: [
      {
        type: 'object',
        required: ['fact', 'operator'],
        additionalProperties: false,
        properties: {
          fact: { type: 'string', example: 'company.employees' },
          operator: { type: 'string', enum: [...operatorNames] },
          value: { description: 'A scalar, a list of scalars, or `{ "list": "<list id>" }`' },
        },
      },
      group('all', { type: 'array', items: ref }),
      group('any', { type: 'array', items: ref }),
      group('not', ref),
    ],
  })
  // Wherever the engine's schema is used (rule `when`, persona `match`), point at the component.
  if (!z.globalRegistry.has(conditionSchema)) z.globalRegistry.add(conditionSchema, ref)
}

const group = (key: string, schema: object) => ({
  type: 'object' as const,
  required: [key],
  additionalProperties: false,
  properties: { [key]: schema },
})

/** Serves the OpenAPI 3.1 document at /api/openapi.json and the reference page at /api/docs. */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, version: string): void {
  describeConditions(app)
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An evaluate API key: `Authorization: Bearer lg_key_…`',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/auth/login',
  })
  const config = {
    openapi: '3.1.0',
    info: {
      title: 'leadgate API',
      version,
      description:
        'Lead acceptance rulesets agreed by marketing and sales, evaluated with reasons and a full trace. Every error answers `{ "error": { "code", "message", "details" } }`.',
    },
    security: [{ session: [] }],
  }
  // The routes are fixed once the app is built, so the document is generated on the first
  // request and kept: generating it takes ~20 ms of CPU, which an unauthenticated endpoint
  // must not spend per call (hono's `doc31` does). A failure goes to the error handler.
  let document: { json: string; etag: string } | undefined
  app.get('/api/openapi.json', (c) => {
    document ??= documentOf(JSON.stringify(app.getOpenAPI31Document(config)))
    const known = c.req.header('if-none-match')?.split(',') ?? []
    if (known.some((tag) => tag.trim() === document!.etag)) return c.body(null, 304)
    c.header('ETag', document.etag)
    c.header('Cache-Control', 'no-cache')
    return c.body(document.json, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  })
  app.get(API_REFERENCE_SCRIPT_PATH, serveApiReferenceScript)
  app.get(
    '/api/docs',
    async (c, next) => {
      await next()
      // Everything from this server: the viewer script, no web fonts. The inline script only
      // hands the viewer its configuration.
      c.res.headers.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
      )
    },
    Scalar({
      url: '/api/openapi.json',
      pageTitle: 'leadgate API',
      cdn: API_REFERENCE_SCRIPT_PATH,
      withDefaultFonts: false,
      // Scalar's hosted extras (AI chat, MCP, deploy toolbar) need its cloud: not offered here.
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
    }),
  )
}

const documentOf = (json: string) => ({
  json,
  etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`,
})
