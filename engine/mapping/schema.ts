import { z } from 'zod'
import { factPathSchema, forbiddenKeys } from '../schema/condition.ts'

export const MAPPING_CONTENT_TYPE = 'application/vnd.leadgate.mapping+json'

/** A source column, or columns tried in order: the first with a value wins. */
export const columnRefSchema = z.union([
  z.string().min(1).max(200),
  z.array(z.string().min(1).max(200)).min(1).max(10),
])
export type ColumnRef = z.infer<typeof columnRefSchema>

export const conversionTypeSchema = z.enum(
  ['string', 'number', 'boolean', 'date', 'list', 'band'],
  {
    error: 'type is one of "string", "number", "boolean", "date", "list" or "band"',
  },
)
export type ConversionType = z.infer<typeof conversionTypeSchema>

const mappedValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])

/** Source values are compared trimmed, case-insensitively, "_" and spaces alike. */
const valueMapSchema = z.record(
  z
    .string()
    .max(1000)
    .refine((key) => !forbiddenKeys.has(key), {
      message: 'a value map may not use __proto__, constructor or prototype as a key',
    }),
  mappedValueSchema,
)

export const factColumnSchema = z
  .strictObject({
    column: columnRefSchema,
    type: conversionTypeSchema.default('string'),
    values: valueMapSchema
      .optional()
      .describe('Source value → fact value, e.g. { "Yes": true }; null means missing'),
    unmapped: z
      .enum(['keep', 'missing'])
      .default('keep')
      .describe('A value not in `values`: converted by type (keep) or missing and reported'),
    missing: z
      .array(z.string().max(200))
      .max(100)
      .optional()
      .describe('Values that mean "not given" in this column, e.g. "Select"'),
    separator: z.string().min(1).max(5).optional().describe('list: item separator, default ";"'),
    range: z
      .enum(['low', 'mid', 'high', 'missing'])
      .default('low')
      .describe('number: what a range such as "50-200" becomes; default its low end'),
    scale: z
      .enum(['employees', 'revenue'])
      .optional()
      .describe('band: the catalog bands a value is placed in'),
    normalize: z
      .enum(['country', 'domain', 'lowercase', 'uppercase'])
      .optional()
      .describe('string and list: country names → ISO codes, URLs → domains, case'),
    dateOrder: z
      .enum(['mdy', 'dmy', 'ymd'])
      .optional()
      .describe('date: how to read "03/04/2024"; without it such dates are refused'),
  })
  .superRefine((spec, ctx) => {
    const wrong = (key: string, types: string) =>
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" applies to ${types} only` })
    if (spec.separator !== undefined && spec.type !== 'list') wrong('separator', 'type "list"')
    if (spec.scale !== undefined && spec.type !== 'band') wrong('scale', 'type "band"')
    if (spec.dateOrder !== undefined && spec.type !== 'date') wrong('dateOrder', 'type "date"')
    if (spec.normalize !== undefined && spec.type !== 'string' && spec.type !== 'list') {
      wrong('normalize', 'types "string" and "list"')
    }
    const expected =
      spec.type === 'number' ? 'number' : spec.type === 'boolean' ? 'boolean' : 'string'
    for (const [key, value] of Object.entries(spec.values ?? {})) {
      if (value !== null && typeof value !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', key],
          message: `a "${spec.type}" column maps values to ${expected === 'string' ? 'text' : `${expected}s`} or null`,
        })
      }
    }
  })
export type FactColumn = z.infer<typeof factColumnSchema>
export type FactColumnInput = z.input<typeof factColumnSchema>

/** `"Title"` is short for `{ "column": "Title" }`; expanding it first keeps errors exact. */
const factColumnOrShorthand = z.preprocess(
  (spec) => (typeof spec === 'string' || Array.isArray(spec) ? { column: spec } : spec),
  factColumnSchema,
)

/**
 * How the columns of a source (a CSV export, a CRM record) become lead facts.
 *
 * @example
 * mappingSchema.parse({
 *   id: 'Id',
 *   facts: {
 *     'company.employees': { column: 'Employees', type: 'number' },
 *     'contact.title': 'Title',
 *   },
 * })
 */
export const mappingSchema = z
  .strictObject({
    contentType: z.literal(MAPPING_CONTENT_TYPE).optional(),
    name: z.string().max(200).optional(),
    description: z.string().max(5000).optional(),
    id: columnRefSchema.optional().describe('The column holding the lead id'),
    missing: z
      .array(z.string().max(200))
      .max(100)
      .default([])
      .describe('Values that mean "not given" in every column; blank always does'),
    facts: z.record(factPathSchema, factColumnOrShorthand),
  })
  .superRefine((mapping, ctx) => {
    const paths = Object.keys(mapping.facts)
    if (paths.length === 0 && mapping.id === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['facts'],
        message: 'a mapping needs at least one fact',
      })
    }
    const known = new Set(paths)
    for (const path of paths) {
      const parts = path.split('.')
      for (let end = 1; end < parts.length; end++) {
        const prefix = parts.slice(0, end).join('.')
        if (known.has(prefix)) {
          ctx.addIssue({
            code: 'custom',
            path: ['facts', path],
            message: `"${path}" sits inside "${prefix}", which is mapped to a column itself`,
          })
        }
      }
      if (path === 'id') {
        ctx.addIssue({
          code: 'custom',
          path: ['facts', path],
          message: 'the lead id is mapped with the top-level "id", not as a fact',
        })
      }
    }
  })
export type Mapping = z.infer<typeof mappingSchema>
export type MappingInput = z.input<typeof mappingSchema>
