import { z } from '@hono/zod-openapi'
import { MIN_PASSWORD_LENGTH } from '../accounts/password.ts'
import { roles } from '../store/types.ts'

export const roleSchema = z.enum(roles)
const rolesSchema = z
  .array(roleSchema)
  .min(1, 'give at least one role')
  .max(4)
  .refine((list) => new Set(list).size === list.length, 'a role is listed twice')

const emailSchema = z.email('not an email address').max(200)
/** One rule for every new password: user creation, reset by an admin, and one's own change. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200)

export const loginBodySchema = z.object({
  email: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
})

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, 'type your current password').max(200),
    newPassword: passwordSchema,
  })
  .meta({ id: 'ChangePassword' })

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(roleSchema),
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' })

export const meSchema = z
  .object({
    kind: z.literal('user'),
    user: userSchema,
  })
  .meta({ id: 'Me' })

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().min(1).max(200),
  password: passwordSchema,
  roles: rolesSchema,
})

export const patchUserSchema = z.strictObject({
  email: emailSchema.optional(),
  name: z.string().min(1).max(200).optional(),
  password: passwordSchema.optional(),
  roles: rolesSchema.optional(),
  disabled: z.boolean().optional(),
})

export const userIdParams = z.object({
  userId: z
    .string()
    .regex(/^usr_[a-z0-9]{12}$/, 'not a user id')
    .meta({ param: { name: 'userId', in: 'path' }, example: 'usr_4f9k2m7q1x8c' }),
})

export const createKeySchema = z.strictObject({
  name: z.string().min(1).max(200),
  scope: z.literal('evaluate', { error: 'the only scope is "evaluate"' }).default('evaluate'),
})

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.literal('evaluate'),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z
      .string()
      .nullable()
      .describe('When the key was last accepted, to the minute; null if never used'),
  })
  .meta({ id: 'ApiKey' })

export const createdKeySchema = apiKeySchema
  .extend({ key: z.string().describe('The key itself: shown this once, stored only as a hash') })
  .meta({ id: 'CreatedApiKey' })

export const keyIdParams = z.object({
  keyId: z
    .string()
    .regex(/^key_[a-z0-9]{12}$/, 'not a key id')
    .meta({ param: { name: 'keyId', in: 'path' }, example: 'key_4f9k2m7q1x8c' }),
})
