import type { Ruleset } from '../../engine/index.ts'
import { stableJson } from './ruleset-diff.ts'

export interface MergeResult {
  merged: Ruleset
  /** Items both sides changed differently; the merge kept "mine" for each. */
  conflicts: string[]
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b)

/**
 * Three-way merge of two edits of one draft, item by item (rules, personas, lists, thresholds,
 * test leads, name and description): what only one side changed is taken from that side;
 * where both changed the same item differently, mine wins and the item is named in
 * `conflicts` so the person saving can check it. Used when a save meets a 409.
 *
 * @example
 * const { merged, conflicts } = mergeRulesets(loaded, mine, theirs)
 */
export function mergeRulesets(base: Ruleset, mine: Ruleset, theirs: Ruleset): MergeResult {
  const conflicts: string[] = []
  const pick = <T>(
    label: string,
    b: T | undefined,
    m: T | undefined,
    t: T | undefined,
  ): T | undefined => {
    if (same(m, t)) return m
    if (same(b, m)) return t
    if (same(b, t)) return m
    conflicts.push(label)
    return m
  }

  const byId = <T extends { id: string; name: string }>(
    area: string,
    b: T[],
    m: T[],
    t: T[],
  ): T[] => {
    const baseMap = new Map(b.map((item) => [item.id, item]))
    const mineMap = new Map(m.map((item) => [item.id, item]))
    const theirMap = new Map(t.map((item) => [item.id, item]))
    // Keep mine's order, then add what only they added, in their order.
    const ids = [
      ...m.map((item) => item.id),
      ...t.map((item) => item.id).filter((id) => !mineMap.has(id)),
    ]
    const result: T[] = []
    for (const id of new Set(ids)) {
      const name = (mineMap.get(id) ?? theirMap.get(id) ?? baseMap.get(id))!.name
      const chosen = pick(`${area} "${name}"`, baseMap.get(id), mineMap.get(id), theirMap.get(id))
      if (chosen) result.push(chosen)
    }
    return result
  }

  const lists: Ruleset['lists'] = {}
  for (const name of new Set([...Object.keys(mine.lists), ...Object.keys(theirs.lists)])) {
    const chosen = pick(`list "${name}"`, base.lists[name], mine.lists[name], theirs.lists[name])
    if (chosen) lists[name] = chosen
  }

  const testLeads = byId(
    'test lead',
    base.testLeads.map((lead) => ({ ...lead, id: lead.name })),
    mine.testLeads.map((lead) => ({ ...lead, id: lead.name })),
    theirs.testLeads.map((lead) => ({ ...lead, id: lead.name })),
  ).map(({ id: _id, ...lead }) => lead)

  const merged: Ruleset = {
    ...theirs,
    name: pick('the ruleset name', base.name, mine.name, theirs.name)!,
    policy: pick('the thresholds', base.policy, mine.policy, theirs.policy)!,
    rules: byId('rule', base.rules, mine.rules, theirs.rules),
    personas: byId('persona', base.personas, mine.personas, theirs.personas),
    lists,
    testLeads,
    layout: mergeLayout(theirs.layout, mine.layout),
  }
  const description = pick(
    'the description',
    base.description,
    mine.description,
    theirs.description,
  )
  if (description === undefined) delete merged.description
  else merged.description = description
  return { merged, conflicts }
}

function mergeLayout(
  theirs: Record<string, unknown> | undefined,
  mine: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const positions = {
    ...((theirs?.positions as object | undefined) ?? {}),
    ...((mine?.positions as object | undefined) ?? {}),
  }
  return { ...theirs, ...mine, positions }
}
