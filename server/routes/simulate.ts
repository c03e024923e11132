import { createRoute } from '@hono/zod-openapi'
import { simulateVersion } from '../audit/simulate.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { simulateBodySchema, simulationSchema } from '../schemas/audit.ts'
import { jsonBody, jsonContent, pick, versionParams } from '../schemas/common.ts'
import type { Services } from '../services.ts'

const simulateRoute = createRoute({
  method: 'post',
  path: '/{id}/versions/{v}/simulate',
  tags: ['Impact'],
  summary: 'What this version would decide for logged (or given) leads, beside what they got',
  description:
    '`{"sample":{"lastN":10000}}` or `{"sample":{"from","to"}}` replays logged decisions of the ruleset, each compared with the version that made it; `{"leads":[…]}` compares given leads with the published version. Nothing is logged.',
  middleware: requireUser(),
  request: { params: versionParams, body: jsonBody(simulateBodySchema) },
  responses: {
    200: jsonContent(simulationSchema, 'Counts before/after, flips with their rule, segments'),
    ...pick(400, 401, 403, 404, 413, 415),
  },
})

export const simulateRoutes = (services: Services) =>
  newRouter().openapi(simulateRoute, async (c) => {
    const { id, v } = c.req.valid('param')
    const body = c.req.valid('json')
    const simulation = await simulateVersion(services.evaluators, services.decisions, {
      rulesetId: id,
      version: v,
      source: body,
      openFlags: await services.flags.ofRuleset(id, 'open'),
    })
    return c.json(simulation, 200)
  })
