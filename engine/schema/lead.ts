import { z } from 'zod'

export const outcomeSchema = z.enum(['accepted', 'nurture', 'rejected'])
export type Outcome = z.infer<typeof outcomeSchema>

/**
 * A lead is a JSON object of facts, grouped by area (`contact`, `company`, `technology`,
 * `bant`, `engagement`) and addressed by dotted paths. Unknown keys are kept: rulesets may
 * declare custom fields. `id` is the source system's id (a CRM lead id), echoed in decisions.
 */
export const leadSchema = z.looseObject({
  id: z.union([z.string().max(200), z.number()]).optional(),
})
export type Lead = z.infer<typeof leadSchema>
