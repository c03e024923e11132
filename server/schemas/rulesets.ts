import { z } from '@hono/zod-openapi'
import {
  personaSchema,
  ruleSchema,
  rulesetSchema,
  rulesetStatusSchema,
} from '../../engine/index.ts'
import { versionActions } from '../store/types.ts'
import { noteSchema } from './common.ts'

export const rulesetDocumentSchema = rulesetSchema.meta({ id: 'Ruleset' })

const issueSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
  })
  .meta({ id: 'RulesetIssue' })

export const rulesetSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    versions: z.number(),
    latest: z.object({ version: z.number(), status: rulesetStatusSchema, updatedAt: z.string() }),
    published: z.object({ version: z.number(), publishedAt: z.string() }).nullable(),
  })
  .meta({ id: 'RulesetSummary' })

export const approvalViewSchema = z.object({
  role: z.enum(['marketing', 'sales']),
  userId: z.string(),
  email: z.string(),
  at: z.string(),
  note: z.string().optional(),
  current: z.boolean().describe('Given on the current content (an edit withdraws it)'),
})

export const historyEntrySchema = z.object({
  action: z.enum(versionActions),
  from: rulesetStatusSchema.nullable(),
  to: rulesetStatusSchema,
  by: z.string(),
  email: z.string(),
  at: z.string(),
  note: z.string().optional(),
})

export const versionViewSchema = z
  .object({
    rulesetId: z.string(),
    version: z.number(),
    status: rulesetStatusSchema,
    etag: z.string().describe('Send it back in If-Match when you change this version'),
    contentHash: z.string(),
    basedOn: z.number().nullable(),
    approvals: z.array(approvalViewSchema),
    signOff: z.object({
      marketing: z.boolean(),
      sales: z.boolean(),
      complete: z.boolean().describe('Both sides approved this content, as two people'),
    }),
    history: z.array(historyEntrySchema),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedBy: z.string(),
    updatedAt: z.string(),
    warnings: z.array(issueSchema),
    ruleset: rulesetDocumentSchema,
  })
  .meta({ id: 'RulesetVersion' })

export const versionListItemSchema = versionViewSchema
  .omit({ ruleset: true, warnings: true, history: true })
  .extend({ name: z.string(), changeNote: z.string().nullable() })
  .meta({ id: 'RulesetVersionSummary' })

export const newDraftSchema = z.strictObject({
  from: z.number().int().min(1).optional().describe('Version to copy; default the latest'),
  changeNote: noteSchema.optional(),
})

export const transitionSchema = z.strictObject({
  note: noteSchema.optional().describe('Recorded with the transition'),
  role: z
    .enum(['marketing', 'sales'])
    .optional()
    .describe('approve only: the side you sign for, when you hold both roles'),
})

const fieldChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })
const itemDiff = <T extends z.ZodType>(item: T) =>
  z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(
      z.object({ id: z.string(), name: z.string(), changes: z.array(fieldChangeSchema) }),
    ),
  })

export const diffSchema = z
  .object({
    from: z.number(),
    to: z.number(),
    rules: itemDiff(ruleSchema),
    personas: itemDiff(personaSchema),
    policy: z.array(fieldChangeSchema),
    lists: z.array(fieldChangeSchema),
    fields: z.array(fieldChangeSchema),
    about: z.array(fieldChangeSchema),
  })
  .meta({ id: 'RulesetDiff' })

export const diffParams = z.object({
  id: z.string(),
  a: z.string(),
  b: z.string(),
})
