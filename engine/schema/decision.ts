import { z } from 'zod'
import { operatorSchema } from './condition.ts'
import { outcomeSchema } from './lead.ts'
import { ownerSchema, ruleKindSchema } from './ruleset.ts'

export const resultSchema = z.enum(['pass', 'fail', 'unknown'])
export type Result = z.infer<typeof resultSchema>

/** What a rule's result did to the lead. */
export const effectSchema = z.enum(['rejected', 'nurture', 'points', 'none'])
export type Effect = z.infer<typeof effectSchema>

export const reasonSchema = z.object({
  ruleId: z.string().nullable().describe('null for the policy (score threshold) reason'),
  ruleName: z.string().optional(),
  owner: ownerSchema.nullable(),
  kind: z.union([ruleKindSchema, z.literal('policy')]),
  result: resultSchema,
  effect: effectSchema,
  points: z.number().optional(),
  text: z.string(),
})
export type Reason = z.infer<typeof reasonSchema>

export const ruleResultSchema = z.object({
  ruleId: z.string(),
  kind: ruleKindSchema,
  owner: ownerSchema,
  result: resultSchema,
  effect: effectSchema,
  points: z.number(),
})
export type RuleResult = z.infer<typeof ruleResultSchema>

export const traceEntrySchema = z.object({
  ruleId: z.string().optional(),
  personaId: z.string().optional(),
  path: z.string().describe('Where the condition sits in its rule or persona: "when.all.0"'),
  gate: z.enum(['all', 'any', 'not']).optional(),
  fact: z.string().optional(),
  operator: operatorSchema.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  result: resultSchema,
})
export type TraceEntry = z.infer<typeof traceEntrySchema>

export const personaMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  match: z.number().describe('Share of the persona criteria that pass, 0..1'),
  unknown: z.number().describe('Share of the criteria that could not be checked, 0..1'),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
})
export type PersonaMatch = z.infer<typeof personaMatchSchema>

export const decisionSchema = z.object({
  decisionId: z.string().optional(),
  leadId: z.union([z.string(), z.number()]).nullable(),
  ruleset: z.object({ id: z.string(), version: z.number() }),
  outcome: outcomeSchema,
  score: z.number(),
  reasons: z.array(reasonSchema),
  rules: z.array(ruleResultSchema),
  personas: z.array(personaMatchSchema),
  trace: z.array(traceEntrySchema),
  evaluatedAt: z.string(),
})
export type Decision = z.infer<typeof decisionSchema>
