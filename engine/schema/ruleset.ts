import { z } from 'zod'
import { conditionSchema, factPathSchema } from './condition.ts'
import { leadSchema, outcomeSchema } from './lead.ts'

export const RULESET_CONTENT_TYPE = 'application/vnd.leadgate.ruleset+json'
export const RULESET_SCHEMA_VERSION = 1

/** Ids end up in URLs and file names: lower-case slugs only, so `../` can never be one. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "min-employees"')

export const ownerSchema = z.enum(['marketing', 'sales'], {
  error: 'owner is "marketing" or "sales"',
})
export type Owner = z.infer<typeof ownerSchema>

export const ruleKindSchema = z.enum(['require', 'disqualify', 'score'], {
  error: 'kind is "require", "disqualify" or "score"',
})
export type RuleKind = z.infer<typeof ruleKindSchema>

export const onMissingSchema = z.enum(['nurture', 'reject', 'pass'], {
  error: 'onMissing is "nurture", "reject" or "pass"',
})
export type OnMissing = z.infer<typeof onMissingSchema>

export const ruleSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1, 'a name is required').max(200),
  owner: ownerSchema,
  kind: ruleKindSchema,
  points: z.number().int().min(-1000).max(1000).optional().describe('Score rules only'),
  when: conditionSchema,
  onMissing: onMissingSchema
    .optional()
    .describe('What an unknown result means; default require → nurture, others → pass'),
  rationale: z.string().max(2000).optional(),
  enabled: z.boolean().optional().describe('A disabled rule is kept but not evaluated'),
  event: z
    .strictObject({
      type: z.string().min(1).max(200),
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .optional()
    .describe('json-rules-engine event, kept from an import so the rule exports back unchanged'),
  priority: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('json-rules-engine priority, kept from an import'),
})
export type Rule = z.infer<typeof ruleSchema>

const textList = z.array(z.string().max(2000)).max(100).default([])

export const personaSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1, 'a name is required').max(200),
  owner: ownerSchema.optional(),
  match: conditionSchema,
  role: z.string().max(2000).optional(),
  responsibilities: textList,
  priorities: textList,
  threats: textList,
  influencers: textList,
  motivations: textList,
  objections: textList,
  triggers: textList,
})
export type Persona = z.infer<typeof personaSchema>
export type PersonaInput = z.input<typeof personaSchema>

export const policySchema = z.strictObject({
  acceptAt: z.number().min(-100_000).max(100_000),
  nurtureAt: z.number().min(-100_000).max(100_000),
  personaMinMatch: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Personas matching at least this share of their criteria are listed'),
  minSegmentSize: z
    .number()
    .int()
    .min(0)
    .default(50)
    .describe('Impact simulation warns about segments smaller than this'),
})
export type Policy = z.infer<typeof policySchema>

export const listSchema = z.array(z.union([z.string().max(1000), z.number()])).max(100_000)

export const fieldTypeSchema = z.enum(['string', 'number', 'boolean', 'enum', 'list'])

/** A lead field a ruleset adds to the built-in catalog (e.g. a custom CRM field). */
export const customFieldSchema = z.strictObject({
  type: fieldTypeSchema,
  label: z.string().min(1).max(200),
  category: z.string().max(50).optional(),
  values: z.array(z.string().max(200)).max(1000).optional(),
  example: z.union([z.string(), z.number(), z.boolean()]).optional(),
})
export type CustomField = z.infer<typeof customFieldSchema>

export const approvalSchema = z.strictObject({
  role: ownerSchema,
  by: z.string().max(200),
  at: z.string().max(40),
  note: z.string().max(2000).optional(),
})

export const testLeadSchema = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(200),
  lead: leadSchema,
  expected: outcomeSchema.optional(),
})
export type TestLead = z.infer<typeof testLeadSchema>

export const rulesetStatusSchema = z.enum([
  'draft',
  'in_review',
  'approved',
  'published',
  'archived',
])
export type RulesetStatus = z.infer<typeof rulesetStatusSchema>

export const rulesetSchema = z.strictObject({
  contentType: z.literal(RULESET_CONTENT_TYPE, {
    error: `contentType must be "${RULESET_CONTENT_TYPE}"`,
  }),
  schemaVersion: z.literal(RULESET_SCHEMA_VERSION, {
    error: `schemaVersion must be ${RULESET_SCHEMA_VERSION}`,
  }),
  id: slugSchema,
  name: z.string().trim().min(1, 'a name is required').max(200),
  description: z.string().max(5000).optional(),
  version: z.number().int().min(1).default(1),
  status: rulesetStatusSchema.default('draft'),
  changeNote: z.string().max(2000).optional(),
  createdBy: z.string().max(200).optional(),
  createdAt: z.string().max(40).optional(),
  approvals: z.array(approvalSchema).max(10).default([]),
  policy: policySchema,
  lists: z.record(slugSchema, listSchema).default({}),
  fields: z
    .record(factPathSchema, customFieldSchema)
    .default({})
    .describe('Custom lead fields by dotted path, e.g. "custom.partnerTier"'),
  rules: z.array(ruleSchema).max(2000),
  personas: z.array(personaSchema).max(200).default([]),
  testLeads: z.array(testLeadSchema).max(1000).default([]),
  layout: z.record(z.string().max(200), z.unknown()).optional().describe('Editor positions only'),
})
export type Ruleset = z.infer<typeof rulesetSchema>
/** What a ruleset file may omit: defaults fill lists, personas, status and the rest. */
export type RulesetInput = z.input<typeof rulesetSchema>
