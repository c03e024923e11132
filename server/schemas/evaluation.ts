import { z } from '@hono/zod-openapi'
import { decisionSchema, leadSchema, outcomeSchema, slugSchema } from '../../engine/index.ts'
import { decisionIdPattern } from '../evaluation/decision-id.ts'

export const traceModeSchema = z
  .enum(['failing', 'full', 'none'])
  .describe('Which trace entries the answer carries; the log always keeps the full trace')

export const leadInputSchema = leadSchema.meta({
  id: 'Lead',
  example: {
    id: '00Q5e00000AbCdE',
    contact: { title: 'Director of IT Operations', email: 'dana@acme-industrial.com' },
    company: { name: 'Acme Industrial', employees: 1200, industry: 'manufacturing', country: 'US' },
    bant: {
      budget: 'approved',
      authority: 'decision-maker',
      need: 'confirmed',
      timeline: 'this-quarter',
    },
  },
})

export const evaluateBodySchema = z.strictObject({
  ruleset: slugSchema.describe('Ruleset id, e.g. "b2b-inbound"'),
  version: z.number().int().min(1).optional().describe('Default: the published version'),
  lead: leadInputSchema,
  trace: traceModeSchema.default('failing'),
})

export const decisionViewSchema = decisionSchema
  .extend({ decisionId: z.string() })
  .meta({ id: 'Decision' })

export const storedDecisionSchema = decisionViewSchema
  .extend({
    lead: leadSchema,
    rulesetHash: z.string(),
    source: z.object({ kind: z.enum(['key', 'user']), id: z.string() }),
  })
  .meta({ id: 'StoredDecision' })

export const batchQuerySchema = z.object({
  ruleset: slugSchema.meta({ param: { name: 'ruleset', in: 'query' }, example: 'b2b-inbound' }),
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'a version is a whole number from 1')
    .transform(Number)
    .optional()
    .meta({ param: { name: 'version', in: 'query' } }),
  trace: traceModeSchema.default('none').meta({ param: { name: 'trace', in: 'query' } }),
})

export const decisionIdParams = z.object({
  decisionId: z
    .string()
    .regex(decisionIdPattern, 'not a decision id')
    .meta({ param: { name: 'decisionId', in: 'path' } }),
})

const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'use an ISO date such as 2026-01-31T00:00:00Z')
  .transform((text) => new Date(text).toISOString())

export const decisionQuerySchema = z.object({
  leadId: z.string().min(1).max(200).optional(),
  outcome: outcomeSchema.optional(),
  ruleset: slugSchema.optional(),
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'a version is a whole number from 1')
    .transform(Number)
    .optional(),
  from: isoDate.optional().describe('Inclusive'),
  to: isoDate.optional().describe('Exclusive'),
  cursor: z.string().max(500).optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, 'a number from 1 to 1000')
    .transform(Number)
    .pipe(z.number().min(1, 'at least 1').max(1000, 'at most 1000'))
    .default(50),
})

export const decisionSummarySchema = z
  .object({
    decisionId: z.string(),
    leadId: z.union([z.string(), z.number()]).nullable(),
    rulesetId: z.string(),
    version: z.number(),
    outcome: outcomeSchema,
    score: z.number(),
    evaluatedAt: z.string(),
  })
  .meta({ id: 'DecisionSummary' })

export const decisionPageSchema = z
  .object({ items: z.array(decisionSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'DecisionPage' })

export const replayBodySchema = z.strictObject({
  version: z.number().int().min(1).optional().describe('Default: the published version'),
  trace: traceModeSchema.default('failing'),
})

export const replaySchema = z
  .object({
    stored: storedDecisionSchema,
    replayed: decisionSchema,
    changes: z.object({
      outcome: z.object({ before: outcomeSchema, after: outcomeSchema }).nullable(),
      score: z.object({ before: z.number(), after: z.number() }).nullable(),
      rules: z.array(
        z.object({
          ruleId: z.string(),
          before: z.string().nullable().describe('Result in the stored decision; null: not in it'),
          after: z.string().nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'Replay' })
