import { z } from '@hono/zod-openapi'
import { outcomeSchema } from '../../engine/index.ts'
import { flagStatuses } from '../store/types.ts'

export const MAX_FLAG_TEXT = 2000

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `write ${what}`)
    .max(MAX_FLAG_TEXT, `at most ${MAX_FLAG_TEXT} characters`)

const personSchema = z.object({ id: z.string(), name: z.string() })

export const flagSchema = z
  .object({
    flagId: z.string(),
    decisionId: z.string(),
    rulesetId: z.string(),
    version: z.number(),
    leadId: z.union([z.string(), z.number()]).nullable(),
    outcome: outcomeSchema.describe('What the disputed decision said'),
    suggestedOutcome: outcomeSchema.nullable(),
    ruleIds: z.array(z.string()).describe('Rules of that version the flagger disputes'),
    comment: z.string(),
    side: z.enum(['sales', 'marketing', 'admin']).describe("The flagger's side (their role)"),
    createdBy: personSchema,
    createdAt: z.string(),
    status: z.enum(flagStatuses),
    resolution: z.object({ note: z.string(), by: personSchema, at: z.string() }).nullable(),
  })
  .meta({ id: 'Flag' })

export const flagListSchema = z.object({ flags: z.array(flagSchema) }).meta({ id: 'FlagList' })

export const createFlagBodySchema = z
  .strictObject({
    comment: text('what is wrong with this decision'),
    suggestedOutcome: outcomeSchema.nullable().optional(),
    ruleIds: z
      .array(z.string().min(1).max(64))
      .max(100)
      .optional()
      .describe('Rule ids of the decided version; an unknown one is a 422'),
  })
  .meta({
    id: 'CreateFlagRequest',
    example: {
      comment: 'They have 45 seats and a signed pilot; this should not be rejected',
      suggestedOutcome: 'accepted',
      ruleIds: ['min-employees'],
    },
  })

export const closeFlagBodySchema = z
  .strictObject({ note: text('a note saying why') })
  .meta({ id: 'CloseFlagRequest', example: { note: 'Floor lowered to 40 in version 4' } })

export const flagIdParams = z.object({
  flagId: z
    .string()
    .regex(/^flg_[a-z0-9]{12}$/, 'not a flag id')
    .meta({ param: { name: 'flagId', in: 'path' }, example: 'flg_4f9k2m7q1x8c' }),
})

export const flagStatusQuerySchema = z.object({
  status: z
    .enum([...flagStatuses, 'all'])
    .default('open')
    .describe('Which flags; default open'),
})
