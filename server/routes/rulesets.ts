import { createRoute, z } from '@hono/zod-openapi'
import { requireUser, editorRoles } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { versionView } from '../rulesets/version-view.ts'
import { jsonBody, jsonContent, pick, rulesetParams } from '../schemas/common.ts'
import { rulesetSummarySchema, versionViewSchema } from '../schemas/rulesets.ts'
import type { Services } from '../services.ts'
import { actorOf } from './actor.ts'

const tags = ['Rulesets']

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'All rulesets, with their latest and published version',
  middleware: requireUser(),
  responses: {
    200: jsonContent(z.object({ rulesets: z.array(rulesetSummarySchema) }), 'Rulesets'),
    ...pick(401, 403),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One ruleset: latest and published version',
  middleware: requireUser(),
  request: { params: rulesetParams },
  responses: { 200: jsonContent(rulesetSummarySchema, 'The ruleset'), ...pick(400, 401, 403, 404) },
})

const createRulesetRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a ruleset; its version 1 is a draft',
  description:
    'The body is a ruleset document. Only `id` and `name` are required: an empty ruleset gets `policy: { acceptAt: 60, nurtureAt: 30 }` and no rules.',
  middleware: requireUser(editorRoles),
  request: {
    body: jsonBody(
      z
        .looseObject({ id: z.string(), name: z.string() })
        .meta({ description: 'A ruleset document (see Ruleset)' }),
    ),
  },
  responses: {
    201: jsonContent(versionViewSchema, 'Created'),
    ...pick(400, 401, 403, 409, 413, 415, 422),
  },
})

export const rulesetRoutes = (services: Services) =>
  newRouter()
    .openapi(listRoute, async (c) => c.json({ rulesets: await services.rulesets.list() }, 200))
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param')
      await services.rulesets.versions(id)
      const summary = (await services.rulesets.list()).find((ruleset) => ruleset.id === id)!
      return c.json(summary, 200)
    })
    .openapi(createRulesetRoute, async (c) => {
      const record = await services.rulesets.create(c.req.valid('json'), actorOf(c))
      const view = versionView(record, services.rulesets.warnings(record))
      return c.json(view, 201, {
        ETag: view.etag,
        Location: `/api/rulesets/${record.rulesetId}/versions/1`,
      })
    })
