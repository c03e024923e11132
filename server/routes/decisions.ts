import { createRoute } from '@hono/zod-openapi'
import type { Decision } from '../../engine/index.ts'
import type { StoredDecision } from '../evaluation/decide.ts'
import { badRequest, notFound } from '../http/api-error.ts'
import { requireUser } from '../http/auth.ts'
import { jsonText, newRouter } from '../http/router.ts'
import { jsonBody, jsonContent, pick } from '../schemas/common.ts'
import {
  decisionIdParams,
  decisionPageSchema,
  decisionQuerySchema,
  replayBodySchema,
  replaySchema,
  storedDecisionSchema,
} from '../schemas/evaluation.ts'
import type { Services } from '../services.ts'
import { InvalidCursorError } from '../store/types.ts'
import type { z } from '@hono/zod-openapi'

const tags = ['Decisions']
const anyUser = requireUser()

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Search the decision log, newest first, a page at a time',
  middleware: anyUser,
  request: { query: decisionQuerySchema },
  responses: {
    200: jsonContent(decisionPageSchema, 'A page of decisions'),
    ...pick(400, 401, 403),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/{decisionId}',
  tags,
  summary: 'One decision as stored: full trace, the lead as it was, who asked',
  middleware: anyUser,
  request: { params: decisionIdParams },
  responses: {
    200: jsonContent(storedDecisionSchema, 'The decision'),
    ...pick(400, 401, 403, 404),
  },
})

const replayRoute = createRoute({
  method: 'post',
  path: '/{decisionId}/replay',
  tags,
  summary: 'Decide the stored lead again against a version, beside the stored decision',
  description: 'Nothing is logged: a replay answers "what would this version decide".',
  middleware: anyUser,
  request: { params: decisionIdParams, body: { ...jsonBody(replayBodySchema), required: false } },
  responses: {
    200: jsonContent(replaySchema, 'Stored and replayed decision'),
    ...pick(400, 401, 403, 404, 415),
  },
})

const decisionNotFound = (decisionId: string) =>
  notFound('decision_not_found', `no decision "${decisionId}" in the log`, { decisionId })

/** What differs between the stored decision and the replay: outcome, score, per-rule results. */
function changesBetween(stored: Decision, replayed: Decision) {
  const before = new Map(stored.rules.map((rule) => [rule.ruleId, rule.result]))
  const after = new Map(replayed.rules.map((rule) => [rule.ruleId, rule.result]))
  const ids = [...new Set([...before.keys(), ...after.keys()])]
  return {
    outcome:
      stored.outcome === replayed.outcome
        ? null
        : { before: stored.outcome, after: replayed.outcome },
    score: stored.score === replayed.score ? null : { before: stored.score, after: replayed.score },
    rules: ids
      .filter((id) => before.get(id) !== after.get(id))
      .map((ruleId) => ({
        ruleId,
        before: before.get(ruleId) ?? null,
        after: after.get(ruleId) ?? null,
      })),
  }
}

export const decisionRoutes = (services: Services) =>
  newRouter()
    .openapi(listRoute, async (c) => {
      const { ruleset, ...query } = c.req.valid('query')
      try {
        return c.json(await services.decisions.query({ ...query, rulesetId: ruleset }), 200)
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          throw badRequest(
            'invalid_cursor',
            'the cursor is not one this server issued; start from the first page',
            {
              issues: [{ path: 'cursor', message: error.message }],
            },
          )
        }
        throw error
      }
    })
    .openapi(getRoute, async (c) => {
      const { decisionId } = c.req.valid('param')
      const json = await services.decisions.getJson(decisionId)
      if (json === undefined) throw decisionNotFound(decisionId)
      return jsonText<z.infer<typeof storedDecisionSchema>, 200>(c, json, 200)
    })
    .openapi(replayRoute, async (c) => {
      const { decisionId } = c.req.valid('param')
      const { version, trace } = replayBodySchema.parse(c.req.valid('json') ?? {})
      const json = await services.decisions.getJson(decisionId)
      if (json === undefined) throw decisionNotFound(decisionId)
      const stored = JSON.parse(json) as StoredDecision
      const compiled = await services.evaluators.get(stored.ruleset.id, version)
      const replayed = compiled.compiled.evaluate(stored.lead, { trace })
      return c.json({ stored, replayed, changes: changesBetween(stored, replayed) }, 200)
    })
