import { createRoute, z } from '@hono/zod-openapi'
import { notFound } from '../http/api-error.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import {
  apiKeySchema,
  createdKeySchema,
  createKeySchema,
  keyIdParams,
} from '../schemas/accounts.ts'
import { jsonBody, jsonContent, pick } from '../schemas/common.ts'
import type { Services } from '../services.ts'
import type { ApiKeyRecord } from '../store/types.ts'

const adminOnly = requireUser(['admin'])
const tags = ['API keys']

const keyView = ({ secretHash: _hash, lastUsedAt, ...key }: ApiKeyRecord) => ({
  ...key,
  lastUsedAt: lastUsedAt ?? null,
})

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'All API keys, revoked ones included (admin)',
  middleware: adminOnly,
  responses: {
    200: jsonContent(z.object({ keys: z.array(apiKeySchema) }), 'Keys'),
    ...pick(401, 403),
  },
})

const createKeyRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create an evaluate key; the key is in this answer only (admin)',
  middleware: adminOnly,
  request: { body: jsonBody(createKeySchema) },
  responses: { 201: jsonContent(createdKeySchema, 'Created'), ...pick(400, 401, 403, 415) },
})

const revokeRoute = createRoute({
  method: 'delete',
  path: '/{keyId}',
  tags,
  summary: 'Revoke a key: it stops working at once (admin)',
  middleware: adminOnly,
  request: { params: keyIdParams },
  responses: { 200: jsonContent(apiKeySchema, 'Revoked'), ...pick(400, 401, 403, 404) },
})

export const keyRoutes = (services: Services) =>
  newRouter()
    .openapi(listRoute, async (c) =>
      c.json({ keys: (await services.accounts.stores.keys.listKeys()).map(keyView) }, 200),
    )
    .openapi(createKeyRoute, async (c) => {
      const { name } = c.req.valid('json')
      const { record, key } = await services.accounts.createApiKey(name, c.get('principal')!.id)
      return c.json({ ...keyView(record), key }, 201)
    })
    .openapi(revokeRoute, async (c) => {
      const { keyId } = c.req.valid('param')
      const record = await services.accounts.revokeApiKey(keyId)
      if (!record) throw notFound('key_not_found', `no API key "${keyId}"`, { keyId })
      return c.json(keyView(record), 200)
    })
