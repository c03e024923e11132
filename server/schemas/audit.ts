import { z } from '@hono/zod-openapi'
import { outcomeSchema } from '../../engine/index.ts'
import { leadInputSchema } from './evaluation.ts'

export const MAX_SIMULATION_LEADS = 100_000

const isoDate = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'use an ISO date such as 2026-01-31T00:00:00Z')
  .transform((text) => new Date(text).toISOString())

const sampleSchema = z.union([
  z.strictObject({
    lastN: z
      .number()
      .int()
      .min(1)
      .max(MAX_SIMULATION_LEADS)
      .describe('The newest N logged decisions of the ruleset'),
  }),
  z
    .strictObject({ from: isoDate.describe('Inclusive'), to: isoDate.describe('Exclusive') })
    .refine((range) => range.from < range.to, { message: 'from must be before to', path: ['to'] }),
])

export const simulateBodySchema = z
  .union([
    z.strictObject({ sample: sampleSchema }),
    z.strictObject({
      leads: z
        .array(leadInputSchema)
        .min(1)
        .max(MAX_SIMULATION_LEADS)
        .describe('Leads to compare against the published version'),
    }),
  ])
  .meta({ id: 'SimulateRequest', example: { sample: { lastN: 10000 } } })

export const simulateQuerySchema = z.object({
  mapping: z
    .enum(['salesforce', 'hubspot'])
    .optional()
    .describe('For CSV/NDJSON uploads: read rows as Salesforce Lead or HubSpot records'),
})

const countsSchema = z.object({ accepted: z.number(), nurture: z.number(), rejected: z.number() })

export const simulationSchema = z
  .object({
    ruleset: z.object({ id: z.string(), version: z.number() }),
    comparedWith: z
      .enum(['logged', 'published'])
      .describe('logged: each decision as it was made; published: uploaded leads, current version'),
    skipped: z.number().describe('Logged decisions whose version no longer exists'),
    minSegmentSize: z.number(),
    leads: z.number(),
    before: countsSchema,
    after: countsSchema,
    flips: z.array(
      z.object({
        from: outcomeSchema,
        to: outcomeSchema,
        count: z.number(),
        causes: z.array(z.object({ ruleId: z.string(), count: z.number() })),
      }),
    ),
    flipped: z
      .array(
        z.object({
          leadId: z.union([z.string(), z.number()]).nullable(),
          decisionId: z.string().optional(),
          from: outcomeSchema,
          to: outcomeSchema,
          ruleId: z.string().describe('The rule that flipped it, or "policy"'),
        }),
      )
      .describe('The first 1,000 flipped leads'),
    segments: z.array(
      z.object({ by: z.string(), value: z.string(), before: countsSchema, after: countsSchema }),
    ),
    warnings: z.array(z.string()),
    flagged: z
      .array(
        z.object({
          flagId: z.string(),
          decisionId: z.string(),
          leadId: z.union([z.string(), z.number()]).nullable(),
          comment: z.string(),
          side: z.enum(['sales', 'marketing', 'admin']),
          suggestedOutcome: outcomeSchema.nullable(),
          before: outcomeSchema.describe('The outcome the flagged decision got'),
          after: outcomeSchema.describe('The outcome under this version'),
          flipped: z.boolean(),
          agrees: z
            .boolean()
            .nullable()
            .describe('after equals the suggested outcome; null when none was suggested'),
          flippedBy: z
            .string()
            .nullable()
            .describe('The rule that flipped it, or "policy"; null when not flipped'),
        }),
      )
      .describe('Every open flag of the ruleset, its lead decided again with this version'),
  })
  .meta({ id: 'Simulation' })
