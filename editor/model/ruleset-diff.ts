import {
  catalogFor,
  isAll,
  isAny,
  isNot,
  type Condition,
  type FieldSpec,
  type Ruleset,
} from '../../engine/index.ts'
import { conditionText } from './condition-text.ts'
import type { GraphNode } from './graph-schema.ts'
import { omit } from './omit.ts'
import { rulesetToGraph } from './ruleset-to-graph.ts'

export interface NodeChanges {
  /** Canonical node ids only in the newer version. */
  added: Set<string>
  /** Canonical node ids only in the older version. */
  removed: Set<string>
  /** Canonical node ids in both whose content differs. */
  changed: Set<string>
}

export interface FieldChange {
  field: string
  before?: string
  after?: string
}

export interface ChangeItem {
  area: 'rule' | 'persona' | 'policy' | 'list' | 'ruleset'
  id: string
  name: string
  change: 'added' | 'removed' | 'changed'
  fields: FieldChange[]
}

export interface RulesetDiff {
  nodes: NodeChanges
  changes: ChangeItem[]
}

/**
 * What changed between two versions, both as nodes to highlight on the graph (by canonical
 * id, so the ids match the graphs drawn from either version) and as a list in words.
 * Positions are not changes: moving a card changes nothing a lead would notice.
 *
 * @example
 * diffRulesets(v3, v4).changes[0]
 * // { area: 'rule', id: 'min-employees', change: 'changed', fields: [{ field: 'Condition', before: 'Employees is at least 50', after: 'Employees is at least 100' }] }
 */
export function diffRulesets(before: Ruleset, after: Ruleset): RulesetDiff {
  return { nodes: nodeChanges(before, after), changes: changeList(before, after) }
}

function nodeChanges(before: Ruleset, after: Ruleset): NodeChanges {
  const content = (ruleset: Ruleset) =>
    new Map(
      rulesetToGraph(ruleset, { layout: 'none' }).nodes.map((node) => [node.id, contentKey(node)]),
    )
  const old = content(before)
  const next = content(after)
  const result: NodeChanges = { added: new Set(), removed: new Set(), changed: new Set() }
  for (const [id, key] of next) {
    const was = old.get(id)
    if (was === undefined) result.added.add(id)
    else if (was !== key) result.changed.add(id)
  }
  for (const id of old.keys()) if (!next.has(id)) result.removed.add(id)
  return result
}

function contentKey(node: GraphNode): string {
  return stableJson(omit(node, ['position']))
}

/** JSON with sorted keys, so equal content gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

function changeList(before: Ruleset, after: Ruleset): ChangeItem[] {
  const catalog = catalogFor(after)
  const changes: ChangeItem[] = []
  const text = (value: unknown): string | undefined =>
    value === undefined || value === ''
      ? undefined
      : Array.isArray(value)
        ? value.join('; ')
        : String(value)

  const compareFields = (
    labels: Record<string, string>,
    old: object,
    next: object,
  ): FieldChange[] =>
    Object.entries(labels).flatMap(([key, field]) => {
      const a = text((old as Record<string, unknown>)[key])
      const b = text((next as Record<string, unknown>)[key])
      return a === b ? [] : [withValues(field, a, b)]
    })

  if (before.name !== after.name || before.description !== after.description) {
    changes.push({
      area: 'ruleset',
      id: after.id,
      name: after.name,
      change: 'changed',
      fields: compareFields({ name: 'Name', description: 'Description' }, before, after),
    })
  }
  const policyFields = compareFields(
    {
      acceptAt: 'Accept at',
      nurtureAt: 'Nurture at',
      personaMinMatch: 'Persona match',
      minSegmentSize: 'Smallest segment',
    },
    before.policy,
    after.policy,
  )
  if (policyFields.length > 0) {
    changes.push({
      area: 'policy',
      id: 'policy',
      name: 'Thresholds',
      change: 'changed',
      fields: policyFields,
    })
  }

  const ruleLabels = {
    name: 'Name',
    owner: 'Owner',
    kind: 'Kind',
    points: 'Points',
    onMissing: 'When data is missing',
    rationale: 'Rationale',
    enabled: 'Enabled',
  }
  compareById(before.rules, after.rules, (old, next) => {
    const item = byPresence('rule', old, next)
    if (old && next) {
      item.fields = [
        ...compareFields(ruleLabels, old, next),
        ...conditionChanges(old.when, next.when, catalog),
      ]
    } else {
      item.fields = conditionChanges(old?.when, next?.when, catalog)
    }
    if (item.change !== 'changed' || item.fields.length > 0) changes.push(item)
  })

  const personaLabels = {
    name: 'Name',
    owner: 'Owner',
    role: 'Role',
    responsibilities: 'Responsibilities',
    priorities: 'Priorities',
    threats: 'Threats',
    influencers: 'Influencers',
    motivations: 'Motivations',
    objections: 'Objections',
    triggers: 'Buying triggers',
  }
  compareById(before.personas, after.personas, (old, next) => {
    const item = byPresence('persona', old, next)
    item.fields = [
      ...(old && next ? compareFields(personaLabels, old, next) : []),
      ...conditionChanges(old?.match, next?.match, catalog),
    ]
    if (item.change !== 'changed' || item.fields.length > 0) changes.push(item)
  })

  const listNames = new Set([...Object.keys(before.lists), ...Object.keys(after.lists)])
  for (const name of listNames) {
    const old = before.lists[name]
    const next = after.lists[name]
    if (stableJson(old) === stableJson(next)) continue
    const oldSet = new Set(old ?? [])
    const nextSet = new Set(next ?? [])
    const added = (next ?? []).filter((item) => !oldSet.has(item))
    const removed = (old ?? []).filter((item) => !nextSet.has(item))
    changes.push({
      area: 'list',
      id: name,
      name,
      change: !old ? 'added' : !next ? 'removed' : 'changed',
      fields: [
        ...(added.length ? [{ field: 'Added', after: added.join(', ') }] : []),
        ...(removed.length ? [{ field: 'Removed', before: removed.join(', ') }] : []),
      ],
    })
  }
  return changes
}

function withValues(
  field: string,
  before: string | undefined,
  after: string | undefined,
): FieldChange {
  return { field, ...(before !== undefined && { before }), ...(after !== undefined && { after }) }
}

function byPresence(
  area: 'rule' | 'persona',
  old: { id: string; name: string } | undefined,
  next: { id: string; name: string } | undefined,
): ChangeItem {
  const base = (next ?? old)!
  return {
    area,
    id: base.id,
    name: base.name,
    change: !old ? 'added' : !next ? 'removed' : 'changed',
    fields: [],
  }
}

function compareById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  visit: (old: T | undefined, next: T | undefined) => void,
): void {
  const old = new Map(before.map((item) => [item.id, item]))
  const seen = new Set<string>()
  for (const item of after) {
    seen.add(item.id)
    visit(old.get(item.id), item)
  }
  for (const item of before) if (!seen.has(item.id)) visit(item, undefined)
}

/** Conditions compared by their place in the tree, each side in words. */
function conditionChanges(
  before: Condition | undefined,
  after: Condition | undefined,
  catalog: ReadonlyMap<string, FieldSpec>,
): FieldChange[] {
  const old = flatten(before, 'when', catalog)
  const next = flatten(after, 'when', catalog)
  const changes: FieldChange[] = []
  for (const [path, sentence] of next) {
    const was = old.get(path)
    if (was !== sentence) changes.push(withValues('Condition', was, sentence))
  }
  for (const [path, sentence] of old) {
    if (!next.has(path)) changes.push(withValues('Condition', sentence, undefined))
  }
  return changes
}

function flatten(
  condition: Condition | undefined,
  path: string,
  catalog: ReadonlyMap<string, FieldSpec>,
  into = new Map<string, string>(),
): Map<string, string> {
  if (!condition) return into
  if (isAll(condition) || isAny(condition)) {
    const gate = isAll(condition) ? 'all' : 'any'
    into.set(path, gate === 'all' ? 'ALL of' : 'ANY of')
    const members = isAll(condition) ? condition.all : condition.any
    members.forEach((member, at) => flatten(member, `${path}.${gate}.${at}`, catalog, into))
  } else if (isNot(condition)) {
    into.set(path, 'NOT')
    flatten(condition.not, `${path}.not`, catalog, into)
  } else {
    into.set(path, conditionText(condition, catalog))
  }
  return into
}
