import { fieldCatalog, RULESET_CONTENT_TYPE, type RulesetInput } from '../../engine/index.ts'
import { defaultComparison } from '../../editor/model/index.ts'

/**
 * A large but realistic ruleset: `count` rules over the catalog's fields, each an ALL or ANY
 * of one to three conditions, a mix of requirements, disqualifiers and scores owned by both
 * sides. Deterministic, so every run measures the same document.
 */
export function generatedRuleset(count: number): RulesetInput {
  // Employees first: the benchmark edits the first rule's number, as a person would.
  const fields = [...fieldCatalog.values()]
    .filter((field) => !field.derivedFrom)
    .sort((a, b) => Number(b.path === 'company.employees') - Number(a.path === 'company.employees'))
  const kinds = ['score', 'score', 'score', 'require', 'disqualify'] as const
  const rules = Array.from({ length: count }, (_, at) => {
    const kind = kinds[at % kinds.length]!
    const members = Array.from({ length: 1 + (at % 3) }, (_, m) => {
      const field = fields[(at * 3 + m) % fields.length]!
      return { fact: field.path, ...defaultComparison(field) }
    })
    return {
      id: `rule-${at + 1}`,
      name: `Generated rule ${at + 1}`,
      owner: at % 2 === 0 ? ('marketing' as const) : ('sales' as const),
      kind,
      ...(kind === 'score' && { points: 5 + (at % 4) * 5 }),
      when: at % 4 === 0 ? { any: members } : { all: members },
      rationale: `Benchmark rule number ${at + 1}`,
    }
  })
  return {
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: 1,
    id: `generated-${count}`,
    name: `Generated ${count}-rule ruleset`,
    policy: { acceptAt: 60, nurtureAt: 30 },
    rules,
  }
}
