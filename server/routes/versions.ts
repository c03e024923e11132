import { createRoute, z } from '@hono/zod-openapi'
import { badRequest } from '../http/api-error.ts'
import { editorRoles, requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { versionSummary, versionView } from '../rulesets/version-view.ts'
import {
  jsonBody,
  jsonContent,
  pick,
  rulesetParams,
  versionNumber,
  versionParams,
} from '../schemas/common.ts'
import {
  diffParams,
  diffSchema,
  newDraftSchema,
  versionListItemSchema,
  versionViewSchema,
} from '../schemas/rulesets.ts'
import type { Services } from '../services.ts'
import { actorOf } from './actor.ts'

const tags = ['Versions']
const anyUser = requireUser()
const editors = requireUser(editorRoles)

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/versions',
  tags,
  summary: 'Versions of a ruleset, oldest first',
  middleware: anyUser,
  request: { params: rulesetParams },
  responses: {
    200: jsonContent(z.object({ versions: z.array(versionListItemSchema) }), 'Versions'),
    ...pick(400, 401, 403, 404),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/{id}/versions/{v}',
  tags,
  summary: 'One version: document, status, sign-off, history; ETag header for writes',
  middleware: anyUser,
  request: { params: versionParams },
  responses: { 200: jsonContent(versionViewSchema, 'The version'), ...pick(400, 401, 403, 404) },
})

const putRoute = createRoute({
  method: 'put',
  path: '/{id}/versions/{v}',
  tags,
  summary: 'Replace a draft’s content (If-Match required)',
  description:
    'Drafts only. Send the ETag you read in `If-Match`: a stale one is a 409 and nothing is written. A change of content withdraws earlier approvals.',
  middleware: editors,
  request: {
    params: versionParams,
    headers: z.object({ 'if-match': z.string().optional() }),
    body: jsonBody(z.looseObject({}).meta({ description: 'A ruleset document (see Ruleset)' })),
  },
  responses: {
    200: jsonContent(versionViewSchema, 'Saved'),
    ...pick(400, 401, 403, 404, 409, 413, 415, 422, 428),
  },
})

const newVersionRoute = createRoute({
  method: 'post',
  path: '/{id}/versions',
  tags,
  summary: 'New draft, copied from any version (default: the latest)',
  middleware: editors,
  request: { params: rulesetParams, body: { ...jsonBody(newDraftSchema), required: false } },
  responses: { 201: jsonContent(versionViewSchema, 'Created'), ...pick(400, 401, 403, 404, 415) },
})

const diffRoute = createRoute({
  method: 'get',
  path: '/{id}/versions/{a}/diff/{b}',
  tags,
  summary: 'Rule-level differences from version a to version b',
  middleware: anyUser,
  request: { params: diffParams },
  responses: { 200: jsonContent(diffSchema, 'Differences'), ...pick(400, 401, 403, 404) },
})

export const versionRoutes = (services: Services) =>
  newRouter()
    .openapi(listRoute, async (c) => {
      const { id } = c.req.valid('param')
      const versions = await services.rulesets.versions(id)
      return c.json({ versions: versions.map(versionSummary) }, 200)
    })
    .openapi(getRoute, async (c) => {
      const { id, v } = c.req.valid('param')
      const record = await services.rulesets.version(id, v)
      const view = versionView(record, services.rulesets.warnings(record))
      return c.json(view, 200, { ETag: view.etag })
    })
    .openapi(putRoute, async (c) => {
      const { id, v } = c.req.valid('param')
      const { record, warnings } = await services.rulesets.update(
        id,
        v,
        c.req.valid('json'),
        c.req.header('if-match'),
        actorOf(c),
      )
      const view = versionView(record, warnings)
      return c.json(view, 200, { ETag: view.etag })
    })
    .openapi(newVersionRoute, async (c) => {
      const { id } = c.req.valid('param')
      const input = c.req.valid('json') ?? {}
      const record = await services.rulesets.newDraft(id, input, actorOf(c))
      const view = versionView(record, services.rulesets.warnings(record))
      return c.json(view, 201, {
        ETag: view.etag,
        Location: `/api/rulesets/${id}/versions/${record.version}`,
      })
    })
    .openapi(diffRoute, async (c) => {
      const { id, a, b } = c.req.valid('param')
      const from = versionNumber.safeParse(a)
      const to = versionNumber.safeParse(b)
      if (!from.success || !to.success) {
        throw badRequest('invalid_request', 'versions are whole numbers from 1', {
          issues: [
            ...(from.success ? [] : [{ path: 'a', message: 'a version is a whole number from 1' }]),
            ...(to.success ? [] : [{ path: 'b', message: 'a version is a whole number from 1' }]),
          ],
        })
      }
      return c.json(await services.rulesets.diff(id, from.data, to.data), 200)
    })
