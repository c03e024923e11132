import { createRoute, z } from '@hono/zod-openapi'
import { newRouter } from '../http/router.ts'
import type { Services } from '../services.ts'

const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    uptimeSeconds: z.number(),
    store: z.object({
      rulesets: z.number().describe('Rulesets in the store'),
      decisions: z.object({ decisions: z.number(), segments: z.number(), bytes: z.number() }),
    }),
  })
  .meta({ id: 'Health' })

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['Service'],
  summary: 'Is the server up, and its stores open',
  responses: {
    200: { content: { 'application/json': { schema: healthSchema } }, description: 'Up' },
  },
})

export const healthRoutes = (services: Services) =>
  newRouter().openapi(healthRoute, async (c) => {
    const rulesets = await services.rulesets.count()
    return c.json(
      {
        status: 'ok' as const,
        version: services.version,
        uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
        store: { rulesets, decisions: await services.decisions.stats() },
      },
      200,
    )
  })
