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

const summaries: Record<Transition, string> = {
  submit: 'Send a draft for review (draft → in_review)',
  approve: 'Sign off for marketing or sales; both, by two people → approved',
  reopen: 'Back to draft for changes (in_review/approved → draft)',
  publish: 'Publish an approved version; the previous published one is archived',
  archive: 'Retire a version; a published one stops being evaluated',
}

const transitionRoute = <P extends `/{id}/versions/{v}/${Transition}`>(
  transition: Transition,
  path: P,
) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Sign-off'],
    summary: summaries[transition],
    description:
      'Send `If-Match` with the ETag you read to make sure the version did not change since (409 if it did).',
    middleware: requireUser(transition === 'approve' ? approverRoles : editorRoles),
    request: {
      params: versionParams,
      body: { ...jsonBody(transitionSchema), required: false },
    },
    responses: {
      200: jsonContent(versionViewSchema, 'The version after the transition'),
      ...pick(400, 401, 403, 404, 409, 415),
    },
  })

const routes = {
  submit: transitionRoute('submit', '/{id}/versions/{v}/submit'),
  approve: transitionRoute('approve', '/{id}/versions/{v}/approve'),
  reopen: transitionRoute('reopen', '/{id}/versions/{v}/reopen'),
  publish: transitionRoute('publish', '/{id}/versions/{v}/publish'),
  archive: transitionRoute('archive', '/{id}/versions/{v}/archive'),
}

type TransitionBody = { note?: string; role?: 'marketing' | 'sales' } | undefined

export const lifecycleRoutes = (services: Services) => {
  /**
   * Runs a transition and answers with the version after it. The five routes differ only in
   * the transition, so each handler is one call to this.
   */
  const respond = async (
    transition: Transition,
    c: Context<AppEnv>,
    { id, v }: { id: string; v: number },
    body: TransitionBody,
  ) => {
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
    .openapi(routes.submit, (c) => respond('submit', c, c.req.valid('param'), c.req.valid('json')))
    .openapi(routes.approve, (c) =>
      respond('approve', c, c.req.valid('param'), c.req.valid('json')),
    )
    .openapi(routes.reopen, (c) => respond('reopen', c, c.req.valid('param'), c.req.valid('json')))
    .openapi(routes.publish, (c) =>
      respond('publish', c, c.req.valid('param'), c.req.valid('json')),
    )
    .openapi(routes.archive, (c) =>
      respond('archive', c, c.req.valid('param'), c.req.valid('json')),
    )
}
