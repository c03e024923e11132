import { z } from '@hono/zod-openapi'
import { slugSchema } from '../../engine/index.ts'
import { errorBodySchema } from '../http/error-handler.ts'

const errorContent = { 'application/json': { schema: errorBodySchema } }

/** The documented error answers of a route, by status. */
export const errors = {
  400: {
    description: 'The request is malformed; `details.issues` names each bad field',
    content: errorContent,
  },
  401: { description: 'No valid session or API key', content: errorContent },
  403: {
    description: 'Signed in, but this needs another role (or is not for API keys)',
    content: errorContent,
  },
  404: { description: 'No such ruleset, version, decision or flag', content: errorContent },
  409: {
    description: 'Conflicts with the current state: stale ETag, immutable version, sign-off rules',
    content: errorContent,
  },
  413: { description: 'The body is larger than 1 MB', content: errorContent },
  415: { description: 'The body is not `application/json`', content: errorContent },
  422: {
    description:
      'The ruleset is not valid, or the request names rules that do not exist; `details.issues` has JSON paths',
    content: errorContent,
  },
  428: { description: 'A write without `If-Match`', content: errorContent },
  429: {
    description: 'Too many wrong passwords for this email; see Retry-After',
    content: errorContent,
  },
} as const

export const pick = <K extends keyof typeof errors>(...statuses: K[]) =>
  Object.fromEntries(statuses.map((status) => [status, errors[status]])) as Pick<typeof errors, K>

export const rulesetIdParam = slugSchema.meta({
  param: { name: 'id', in: 'path' },
  example: 'b2b-inbound',
})

/** Version numbers in paths: digits only, so "1e3" or "-1" are a 400, not version 1000. */
export const versionNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'a version is a whole number from 1')
  .transform(Number)

export const rulesetParams = z.object({ id: rulesetIdParam })
export const versionParams = z.object({
  id: rulesetIdParam,
  v: versionNumber.meta({ param: { name: 'v', in: 'path' }, example: '1' }),
})

export const noteSchema = z.string().max(2000)

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  content: { 'application/json': { schema } },
  required: true,
  ...(description ? { description } : {}),
})

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
