import {
  fieldCategories,
  operators,
  type ConditionValue,
  type FieldSpec,
  type OperatorName,
  type Owner,
  type RuleKind,
} from '../../engine/index.ts'
import type { GateType, GraphNode, Position } from './graph-schema.ts'

export type PaletteItem =
  | { key: string; category: string; label: string; hint: string; kind: 'condition'; fact: string }
  | { key: string; category: 'Logic'; label: string; hint: string; kind: 'gate'; gate: GateType }
  | {
      key: string
      category: 'Outcomes'
      label: string
      hint: string
      kind: 'rule'
      ruleKind: RuleKind
    }
  | { key: string; category: 'Personas'; label: string; hint: string; kind: 'persona' }

export interface PaletteGroup {
  category: string
  items: PaletteItem[]
}

const logicItems: PaletteItem[] = [
  {
    key: 'gate:all',
    category: 'Logic',
    label: 'ALL of',
    hint: 'Every input must hold',
    kind: 'gate',
    gate: 'all',
  },
  {
    key: 'gate:any',
    category: 'Logic',
    label: 'ANY of',
    hint: 'At least one input holds',
    kind: 'gate',
    gate: 'any',
  },
  {
    key: 'gate:not',
    category: 'Logic',
    label: 'NOT',
    hint: 'The input must not hold',
    kind: 'gate',
    gate: 'not',
  },
]

const outcomeItems: PaletteItem[] = [
  {
    key: 'rule:require',
    category: 'Outcomes',
    label: 'Requirement',
    hint: 'Reject the lead unless this holds',
    kind: 'rule',
    ruleKind: 'require',
  },
  {
    key: 'rule:disqualify',
    category: 'Outcomes',
    label: 'Disqualifier',
    hint: 'Reject the lead when this holds',
    kind: 'rule',
    ruleKind: 'disqualify',
  },
  {
    key: 'rule:score',
    category: 'Outcomes',
    label: 'Score',
    hint: 'Add points when this holds',
    kind: 'rule',
    ruleKind: 'score',
  },
]

const personaItems: PaletteItem[] = [
  {
    key: 'persona',
    category: 'Personas',
    label: 'Buyer persona',
    hint: 'A buyer picture leads are matched against',
    kind: 'persona',
  },
]

/**
 * The palette: the lead fields of the catalog grouped by category (Contact, Company,
 * Technology, BANT, Engagement, then any custom category), followed by Logic, Outcomes and
 * Personas.
 *
 * @example
 * paletteGroups(catalogFor(ruleset)).map((group) => group.category)
 * // ['Contact', 'Company', 'Technology', 'BANT', 'Engagement', 'Logic', 'Outcomes', 'Personas']
 */
export function paletteGroups(catalog: ReadonlyMap<string, FieldSpec>): PaletteGroup[] {
  const byCategory = new Map<string, PaletteItem[]>(fieldCategories.map((name) => [name, []]))
  for (const field of catalog.values()) {
    const items = byCategory.get(field.category) ?? []
    items.push({
      key: `field:${field.path}`,
      category: field.category,
      label: field.label,
      hint: field.derivedFrom
        ? `Worked out from ${catalog.get(field.derivedFrom)?.label ?? field.derivedFrom}`
        : field.path,
      kind: 'condition',
      fact: field.path,
    })
    byCategory.set(field.category, items)
  }
  return [
    ...[...byCategory].map(([category, items]) => ({ category, items })),
    { category: 'Logic', items: logicItems },
    { category: 'Outcomes', items: outcomeItems },
    { category: 'Personas', items: personaItems },
  ].filter((group) => group.items.length > 0)
}

/**
 * A sensible first comparison for a field, so a condition dropped on the canvas is valid at
 * once and the user only adjusts it: numbers "at least", pick-lists "one of", job titles
 * "mentions any of", technology "includes any of".
 *
 * @example
 * defaultComparison(fieldCatalog.get('company.employees')!) // { operator: 'greaterThanInclusive', value: 120 }
 */
export function defaultComparison(field: FieldSpec): {
  operator: OperatorName
  value?: ConditionValue
} {
  const example = field.example
  switch (field.type) {
    case 'number':
      return { operator: 'greaterThanInclusive', value: typeof example === 'number' ? example : 0 }
    case 'enum':
      return {
        operator: 'in',
        value: [typeof example === 'string' ? example : String(field.options?.[0]?.value ?? '')],
      }
    case 'boolean':
      return { operator: 'equal', value: typeof example === 'boolean' ? example : true }
    case 'list':
      return {
        operator: 'containsAny',
        value: Array.isArray(example) ? example.slice(0, 1) : [String(example)],
      }
    default:
      return field.path === 'contact.title'
        ? { operator: 'titleHasAny', value: ['director'] }
        : { operator: 'equal', value: String(example) }
  }
}

/**
 * Operators that apply to a field, in the order the picker lists them.
 *
 * @example
 * operatorsFor(fieldCatalog.get('technology.installed')) // ['contains', 'doesNotContain', 'exists', 'containsAny']
 */
export function operatorsFor(field: FieldSpec | undefined): OperatorName[] {
  return [...operators.values()]
    .filter((spec) => !field || spec.factTypes.includes(field.type))
    .map((spec) => spec.name)
}

export interface NewNodeContext {
  id: string
  position: Position
  catalog: ReadonlyMap<string, FieldSpec>
  /** Rule and persona ids already in use, to pick a free one. */
  takenIds: ReadonlySet<string>
  /** The side of the person adding a rule: it becomes the rule's owner. */
  owner: Owner
}

const ruleDefaults: Record<RuleKind, { name: string; points?: number }> = {
  require: { name: 'New requirement' },
  disqualify: { name: 'New disqualifier' },
  score: { name: 'New score', points: 10 },
}

/**
 * The node a palette item creates where it was dropped.
 *
 * @example
 * nodeFromPalette(item, { id: 'n-1', position: { x: 0, y: 0 }, catalog, takenIds, owner: 'sales' })
 */
export function nodeFromPalette(item: PaletteItem, context: NewNodeContext): GraphNode {
  const { id, position } = context
  switch (item.kind) {
    case 'condition': {
      const field = context.catalog.get(item.fact)
      const comparison = field ? defaultComparison(field) : { operator: 'exists' as const }
      return { id, position, kind: 'condition', fact: item.fact, ...comparison }
    }
    case 'gate':
      return { id, position, kind: 'gate', gate: item.gate }
    case 'rule': {
      const { name, points } = ruleDefaults[item.ruleKind]
      return {
        id,
        position,
        kind: 'rule',
        ruleId: freeSlug(slugOf(name), context.takenIds),
        name,
        owner: context.owner,
        ruleKind: item.ruleKind,
        ...(points !== undefined && { points }),
      }
    }
    case 'persona':
      return {
        id,
        position,
        kind: 'persona',
        personaId: freeSlug('new-persona', context.takenIds),
        name: 'New persona',
        owner: context.owner,
        responsibilities: [],
        priorities: [],
        threats: [],
        influencers: [],
        motivations: [],
        objections: [],
        triggers: [],
      }
  }
}

/**
 * A rule id made from a name.
 *
 * @example
 * slugOf('At least 50 employees') // 'at-least-50-employees'
 */
export function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return /^[a-z0-9]/.test(slug) ? slug : `rule-${slug}`.replace(/-+$/, '')
}

/**
 * The slug itself when free, else the slug with the smallest free number.
 *
 * @example
 * freeSlug('new-score', new Set(['new-score'])) // 'new-score-2'
 */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`
}
