import { createRoute, z } from '@hono/zod-openapi'
import type { Principal } from '../accounts/principal.ts'
import {
  MAX_BATCH_LEADS,
  MAX_BATCH_LINE_BYTES,
  evaluateNdjson,
} from '../evaluation/batch-stream.ts'
import { decideLead, type DecisionSource } from '../evaluation/decide.ts'
import { ApiError } from '../http/api-error.ts'
import { requireEvaluator } from '../http/auth.ts'
import { jsonText, newRouter } from '../http/router.ts'
import { jsonBody, jsonContent, pick } from '../schemas/common.ts'
import { batchQuerySchema, decisionViewSchema, evaluateBodySchema } from '../schemas/evaluation.ts'
import type { Services } from '../services.ts'

const tags = ['Evaluation']
// Not application/jsonl: a type starting with "application/json" would be parsed as one JSON body.
const ndjsonTypes = ['application/x-ndjson', 'application/ndjson'] as const

const evaluateRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Decide one lead against the published (or a given) version',
  description:
    'Answers once the decision is durable in the decision log. The answer carries the trace asked for (default: failing and unknown conditions); the log keeps the full trace.',
  security: [{ apiKey: [] }, { session: [] }] as { [name: string]: string[] }[],
  middleware: requireEvaluator(),
  request: { body: jsonBody(evaluateBodySchema) },
  responses: {
    200: jsonContent(decisionViewSchema, 'The decision'),
    ...pick(400, 401, 403, 404, 413, 415),
  },
})

const ndjson = z.string().meta({
  description: `One lead (JSON object) per line; at most ${MAX_BATCH_LEADS} leads, ${MAX_BATCH_LINE_BYTES} bytes per line`,
  example: '{"id":"L-1","company":{"employees":12}}\n{"id":"L-2","company":{"employees":800}}\n',
})

const batchRoute = createRoute({
  method: 'post',
  path: '/batch',
  tags,
  summary: 'Decide an NDJSON stream of leads; answers stream back as NDJSON',
  description:
    'Each input line answers with `{"line":n,"decision":{…}}` or `{"line":n,"error":{code,message,details}}`, in order, then a final `{"summary":{…}}`. Answers are released once their decisions are durable. Default trace: none.',
  security: [{ apiKey: [] }, { session: [] }] as { [name: string]: string[] }[],
  middleware: requireEvaluator(),
  request: {
    query: batchQuerySchema,
    body: {
      required: true,
      content: Object.fromEntries(ndjsonTypes.map((type) => [type, { schema: ndjson }])),
    },
  },
  responses: {
    200: {
      description: 'NDJSON answers, one per lead, then a summary line',
      content: { 'application/x-ndjson': { schema: ndjson } },
    },
    ...pick(400, 401, 403, 404, 415),
  },
})

const sourceOf = (principal: Principal | undefined): DecisionSource =>
  principal?.kind === 'key'
    ? { kind: 'key', id: principal.id }
    : { kind: 'user', id: principal?.id ?? '' }

export const evaluateRoutes = (services: Services) =>
  newRouter()
    .openapi(evaluateRoute, async (c) => {
      const { ruleset, version, lead, trace } = c.req.valid('json')
      const compiled = await services.evaluators.get(ruleset, version)
      const decided = decideLead(compiled, lead, { trace, source: sourceOf(c.get('principal')) })
      await services.decisions.append([decided.entry])
      return jsonText<z.infer<typeof decisionViewSchema>, 200>(c, decided.responseJson, 200)
    })
    .openapi(batchRoute, async (c) => {
      const { ruleset, version, trace } = c.req.valid('query')
      const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (!(ndjsonTypes as readonly string[]).includes(contentType)) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          `send leads as NDJSON with "Content-Type: application/x-ndjson"${contentType ? `, not "${contentType}"` : ''}`,
          { contentType: contentType || null },
        )
      }
      const compiled = await services.evaluators.get(ruleset, version)
      const body = c.req.raw.body
      if (!body)
        throw new ApiError(400, 'empty_body', 'send leads as NDJSON: one JSON object per line')
      const stream = evaluateNdjson(body, {
        version: compiled,
        trace,
        source: sourceOf(c.get('principal')),
        decisions: services.decisions,
        onLogFailure: (error) =>
          services.log(
            `request ${c.get('requestId')}: batch stopped, decision log failed: ${String(error)}`,
          ),
      })
      // A stream of NDJSON text: clients read it line by line, there is no JSON type to infer.
      return new Response(stream, {
        status: 200,
        headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
      }) as never
    })
