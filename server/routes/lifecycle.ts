import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { approverRoles, editorRoles, requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import type { Transition } from '../rulesets/lifecycle.ts'
import { versionView } from '../rulesets/version-view.ts'
import { jsonBody, jsonContent, pick, versionParams } from '../schemas/common.ts'
import { transitionSchema, versionViewSchema } from '../schemas/rulesets.ts'
import type { Services } from '../services.ts'
import { userOf } from './actor.ts'
import { z } from '@hono/zod-openapi'

const summaries: Record<Transition, string> = {
  submit: 'Send a draft for review (draft → in_review)',
  approve: 'Sign off for marketing or sales; both, by two people → approved',
  reopen: 'Back to draft for changes (in_review/approved → draft)',
  publish: 'Publish an approved version; the previous published one is archived',
  archive: 'Retire a version; a published one stops being evaluated',
}

const transitionRoute = <T extends Transition>(transition: T) =>
  createRoute({
    method: 'post',
    path: `/{id}/versions/{v}/${transition}` as `/{id}/versions/{v}/${T}`,
    tags: ['Sign-off'],
    summary: summaries[transition],
    middleware: requireUser(transition === 'approve' ? approverRoles : editorRoles),
    request: {
      params: versionParams,
      headers: z.object({ 'if-match': z.string().optional() }),
      body: { ...jsonBody(transitionSchema), required: false },
    },
    responses: {
      200: jsonContent(versionViewSchema, 'The version after the transition'),
      ...pick(400, 401, 403, 404, 409, 415),
    },
  })

export const lifecycleRoutes = (services: Services) => {
  // Each route's handler is written inline so hono infers its path from the route: a shared
  // handler typed with a generic Context would widen every path to `string`, and the client
  // type (`hc<AppType>`) would lose all `/api/rulesets/:id/...` routes.
  const handle = async (transition: Transition, c: Context<AppEnv>) => {
    const { id, v } = c.req.valid('param' as never) as { id: string; v: number }
    const body = (c.req.valid('json' as never) ?? {}) as {
      note?: string
      role?: 'marketing' | 'sales'
    }
    const record = await services.rulesets.transition(
      id,
      v,
      transition,
      { ...body, ifMatch: c.req.header('if-match') },
      userOf(c),
    )
    const view = versionView(record, services.rulesets.warnings(record))
    return c.json(view, 200, { ETag: view.etag })
  }
  return newRouter()
    .openapi(transitionRoute('submit'), (c) => handle('submit', c))
    .openapi(transitionRoute('approve'), (c) => handle('approve', c))
    .openapi(transitionRoute('reopen'), (c) => handle('reopen', c))
    .openapi(transitionRoute('publish'), (c) => handle('publish', c))
    .openapi(transitionRoute('archive'), (c) => handle('archive', c))
}
