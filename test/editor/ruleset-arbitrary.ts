import fc from 'fast-check'
import {
  fieldCatalog,
  operatorNames,
  rulesetSchema,
  type Condition,
  type Ruleset,
} from '../../engine/index.ts'

/**
 * fast-check generators for ruleset documents: any shape the schema accepts (not only
 * semantically sound ones), so the mapping is proven on the odd corners too.
 */

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)
const text = fc.string({ maxLength: 24 })
const number = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(0.5, 2.75))
const fact = fc.constantFrom(...fieldCatalog.keys(), 'custom.tier', 'crm.score')

const value = fc.oneof(
  number,
  text,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(text, number, fc.boolean()), { maxLength: 4 }),
  fc.record({ list: slug }),
)

const leaf = fc.record(
  { fact, operator: fc.constantFrom(...operatorNames), value },
  { requiredKeys: ['fact', 'operator'] },
) as fc.Arbitrary<Condition>

export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>(
  (tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }),
).condition

const owner = fc.constantFrom('marketing' as const, 'sales' as const)

const rule = fc.record(
  {
    id: slug,
    name: text.filter((name) => name.trim().length > 0),
    owner,
    kind: fc.constantFrom('require' as const, 'disqualify' as const, 'score' as const),
    points: fc.integer({ min: -1000, max: 1000 }),
    when: conditionArbitrary,
    onMissing: fc.constantFrom('nurture' as const, 'reject' as const, 'pass' as const),
    rationale: text,
    enabled: fc.boolean(),
    event: fc.record(
      { type: slug, params: fc.dictionary(slug, fc.oneof(text, number)) },
      { requiredKeys: ['type'] },
    ),
    priority: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: ['id', 'name', 'owner', 'kind', 'when'] },
)

const textList = fc.array(text, { maxLength: 3 })

const persona = fc.record(
  {
    id: slug,
    name: text.filter((name) => name.trim().length > 0),
    owner,
    match: conditionArbitrary,
    role: text,
    responsibilities: textList,
    priorities: textList,
    threats: textList,
    influencers: textList,
    motivations: textList,
    objections: textList,
    triggers: textList,
  },
  { requiredKeys: ['id', 'name', 'match'] },
)

/** A schema-valid ruleset document without a layout, parsed (defaults filled in). */
export const rulesetArbitrary: fc.Arbitrary<Ruleset> = fc
  .record(
    {
      contentType: fc.constant('application/vnd.leadgate.ruleset+json'),
      schemaVersion: fc.constant(1),
      id: slug,
      name: text.filter((name) => name.trim().length > 0),
      description: text,
      version: fc.integer({ min: 1, max: 50 }),
      status: fc.constantFrom('draft', 'in_review', 'published'),
      changeNote: text,
      createdBy: text,
      approvals: fc.array(
        fc.record({ role: owner, by: text, at: fc.constant('2026-01-02T03:04:05Z') }),
        {
          maxLength: 2,
        },
      ),
      policy: fc.record(
        {
          acceptAt: fc.integer({ min: -100, max: 200 }),
          nurtureAt: fc.integer({ min: -100, max: 200 }),
          personaMinMatch: fc.constantFrom(0, 0.5, 1),
          minSegmentSize: fc.integer({ min: 0, max: 500 }),
        },
        { requiredKeys: ['acceptAt', 'nurtureAt'] },
      ),
      lists: fc.dictionary(slug, fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }), {
        maxKeys: 2,
      }),
      fields: fc.dictionary(
        fc.constantFrom('custom.tier', 'crm.score'),
        fc.record({
          type: fc.constantFrom('string', 'number', 'enum'),
          label: fc.constant('Custom'),
        }),
        { maxKeys: 2 },
      ),
      rules: fc.uniqueArray(rule, { selector: (item) => item.id, maxLength: 6 }),
      personas: fc.uniqueArray(persona, { selector: (item) => item.id, maxLength: 3 }),
      testLeads: fc.array(fc.record({ name: fc.constant('Lead'), lead: fc.record({ id: slug }) }), {
        maxLength: 2,
      }),
    },
    { requiredKeys: ['contentType', 'schemaVersion', 'id', 'name', 'policy', 'rules'] },
  )
  .map((document) => rulesetSchema.parse(document))
