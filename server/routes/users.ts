import { createRoute, z } from '@hono/zod-openapi'
import { hashPassword } from '../accounts/password.ts'
import { publicUser } from '../accounts/principal.ts'
import { randomId } from '../accounts/tokens.ts'
import { AdminGuard, assertNotOwnAccount } from '../accounts/admin-guard.ts'
import { conflict, notFound } from '../http/api-error.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import { createUserSchema, patchUserSchema, userIdParams, userSchema } from '../schemas/accounts.ts'
import { jsonBody, jsonContent, pick } from '../schemas/common.ts'
import type { Services } from '../services.ts'
import { StoreConflictError, type UserRecord } from '../store/types.ts'

const adminOnly = requireUser(['admin'])
const tags = ['Users']

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'All users (admin)',
  middleware: adminOnly,
  responses: {
    200: jsonContent(z.object({ users: z.array(userSchema) }), 'Users'),
    ...pick(401, 403),
  },
})

const createUserRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a user (admin)',
  middleware: adminOnly,
  request: { body: jsonBody(createUserSchema) },
  responses: { 201: jsonContent(userSchema, 'Created'), ...pick(400, 401, 403, 409, 413, 415) },
})

const getRoute = createRoute({
  method: 'get',
  path: '/{userId}',
  tags,
  summary: 'One user (admin)',
  middleware: adminOnly,
  request: { params: userIdParams },
  responses: { 200: jsonContent(userSchema, 'The user'), ...pick(400, 401, 403, 404) },
})

const patchRoute = createRoute({
  method: 'patch',
  path: '/{userId}',
  tags,
  summary:
    'Change name, email, roles, password or disable (admin); never leaves no active admin, never disables yourself',
  middleware: adminOnly,
  request: { params: userIdParams, body: jsonBody(patchUserSchema) },
  responses: { 200: jsonContent(userSchema, 'Changed'), ...pick(400, 401, 403, 404, 409, 415) },
})

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{userId}',
  tags,
  summary:
    'Remove a user and end their sessions (admin); not yourself, never the last active admin',
  middleware: adminOnly,
  request: { params: userIdParams },
  responses: { 204: { description: 'Removed' }, ...pick(400, 401, 403, 404, 409) },
})

const userNotFound = (userId: string) =>
  notFound('user_not_found', `no user "${userId}"`, { userId })

export const userRoutes = (services: Services) => {
  const users = services.accounts.stores.users
  const sessions = services.accounts.stores.sessions
  const guard = new AdminGuard(users)
  return newRouter()
    .openapi(listRoute, async (c) =>
      c.json({ users: (await users.listUsers()).map(publicUser) }, 200),
    )
    .openapi(createUserRoute, async (c) => {
      const input = c.req.valid('json')
      const now = new Date().toISOString()
      const user: UserRecord = {
        id: randomId('usr'),
        email: input.email,
        name: input.name,
        roles: input.roles,
        passwordHash: await hashPassword(input.password),
        disabled: false,
        createdAt: now,
        updatedAt: now,
      }
      try {
        await users.createUser(user)
      } catch (error) {
        if (error instanceof StoreConflictError) {
          throw conflict('email_taken', `a user with email ${input.email} exists`, {
            email: input.email,
          })
        }
        throw error
      }
      return c.json(publicUser(user), 201)
    })
    .openapi(getRoute, async (c) => {
      const { userId } = c.req.valid('param')
      const user = await users.getUser(userId)
      if (!user) throw userNotFound(userId)
      return c.json(publicUser(user), 200)
    })
    .openapi(patchRoute, async (c) => {
      const { userId } = c.req.valid('param')
      const { password, ...patch } = c.req.valid('json')
      const changes: Partial<UserRecord> = { ...patch, updatedAt: new Date().toISOString() }
      // Hashed before queueing: scrypt is slow and must not hold up other changes.
      if (password !== undefined) changes.passwordHash = await hashPassword(password)
      const updated = await guard.exclusive(async () => {
        const current = await users.getUser(userId)
        if (!current) throw userNotFound(userId)
        if (patch.disabled === true && !current.disabled) {
          assertNotOwnAccount(c.get('principal')!.id, current, 'disable')
        }
        await guard.assertAdminRemains(current, patch)
        try {
          return await users.updateUser(userId, changes)
        } catch (error) {
          if (error instanceof StoreConflictError) {
            throw conflict('email_taken', `a user with email ${patch.email} exists`, {
              email: patch.email,
            })
          }
          throw error
        }
      })
      if (!updated) throw userNotFound(userId)
      // A new password or a disabled account ends every open session of that user.
      if (password !== undefined || patch.disabled === true)
        await sessions.deleteUserSessions(userId)
      return c.json(publicUser(updated), 200)
    })
    .openapi(deleteRoute, async (c) => {
      const { userId } = c.req.valid('param')
      await guard.exclusive(async () => {
        const current = await users.getUser(userId)
        if (!current) throw userNotFound(userId)
        assertNotOwnAccount(c.get('principal')!.id, current, 'delete')
        await guard.assertAdminRemains(current)
        await users.deleteUser(userId)
        // Sessions outlive their user in the store otherwise; nothing should point at a ghost.
        await sessions.deleteUserSessions(userId)
      })
      return c.body(null, 204)
    })
}
