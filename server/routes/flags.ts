import { createRoute } from '@hono/zod-openapi'
import { editorRoles, requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { jsonBody, jsonContent, pick, rulesetParams } from '../schemas/common.ts'
import { decisionIdParams } from '../schemas/evaluation.ts'
import {
  closeFlagBodySchema,
  createFlagBodySchema,
  flagIdParams,
  flagListSchema,
  flagSchema,
  flagStatusQuerySchema,
} from '../schemas/flags.ts'
import type { Services } from '../services.ts'
import { userOf } from './actor.ts'

const tags = ['Flags']
const readers = requireUser()
const writers = requireUser(editorRoles)

const createFlagRoute = createRoute({
  method: 'post',
  path: '/decisions/{decisionId}/flags',
  tags,
  summary: 'Flag a decision as wrong, with a comment',
  description:
    'One open flag per decision and person (a second is a 409 `already_flagged`). `ruleIds` must be rules of the version that decided (422 `unknown_rule` otherwise). The side is the flagger’s role; someone with both approver roles flags as sales.',
  middleware: writers,
  request: { params: decisionIdParams, body: jsonBody(createFlagBodySchema) },
  responses: {
    201: jsonContent(flagSchema, 'The new, open flag'),
    ...pick(400, 401, 403, 404, 409, 413, 415, 422),
  },
})

const decisionFlagsRoute = createRoute({
  method: 'get',
  path: '/decisions/{decisionId}/flags',
  tags,
  summary: 'Flags on one decision, newest first',
  middleware: readers,
  request: { params: decisionIdParams },
  responses: {
    200: jsonContent(flagListSchema, 'Every flag on the decision, whatever its status'),
    ...pick(400, 401, 403, 404),
  },
})

const rulesetFlagsRoute = createRoute({
  method: 'get',
  path: '/rulesets/{id}/flags',
  tags,
  summary: 'Flags on a ruleset’s decisions (open change requests), newest first',
  middleware: readers,
  request: { params: rulesetParams, query: flagStatusQuerySchema },
  responses: {
    200: jsonContent(flagListSchema, 'Flags with that status (default open)'),
    ...pick(400, 401, 403, 404),
  },
})

const closeRoute = (action: 'resolve' | 'dismiss') =>
  createRoute({
    method: 'post',
    path: `/flags/{flagId}/${action}`,
    tags,
    summary:
      action === 'resolve'
        ? 'Resolve an open flag (the ruleset was changed, or the lead fixed), with a note'
        : 'Dismiss an open flag (the decision stands), with a note',
    description: 'A flag that is not open any more is a 409 `flag_closed`.',
    middleware: writers,
    request: { params: flagIdParams, body: jsonBody(closeFlagBodySchema) },
    responses: {
      200: jsonContent(flagSchema, `The ${action === 'resolve' ? 'resolved' : 'dismissed'} flag`),
      ...pick(400, 401, 403, 404, 409, 413, 415),
    },
  })

/** The dispute loop, mounted under /api. */
export const flagRoutes = (services: Services) =>
  newRouter()
    .openapi(createFlagRoute, async (c) => {
      const { decisionId } = c.req.valid('param')
      const flag = await services.flags.raise(decisionId, c.req.valid('json'), userOf(c))
      return c.json(flag, 201)
    })
    .openapi(decisionFlagsRoute, async (c) => {
      const { decisionId } = c.req.valid('param')
      return c.json({ flags: await services.flags.ofDecision(decisionId) }, 200)
    })
    .openapi(rulesetFlagsRoute, async (c) => {
      const { id } = c.req.valid('param')
      const { status } = c.req.valid('query')
      return c.json({ flags: await services.flags.ofRuleset(id, status) }, 200)
    })
    .openapi(closeRoute('resolve'), async (c) => {
      const { flagId } = c.req.valid('param')
      const { note } = c.req.valid('json')
      return c.json(await services.flags.close(flagId, 'resolved', note, userOf(c)), 200)
    })
    .openapi(closeRoute('dismiss'), async (c) => {
      const { flagId } = c.req.valid('param')
      const { note } = c.req.valid('json')
      return c.json(await services.flags.close(flagId, 'dismissed', note, userOf(c)), 200)
    })
