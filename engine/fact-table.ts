import type { FieldSpec } from './field-catalog.ts'
import { presenceTest } from './hot-path.ts'

const hasOwn = Object.prototype.hasOwnProperty

export interface FactSlot {
  path: string
  type?: FieldSpec['type']
  /** The value when present and of the field's type, else the missing marker. */
  fetch: (lead: unknown) => unknown
  /** Whether the catalog derives this fact from another when the lead lacks it. */
  derived: boolean
}

interface GroupMember {
  slot: number
  key: string
  present: (value: unknown) => boolean
}

/**
 * Reads all facts a ruleset uses from a lead into a table, one entry per fact. Facts of
 * the usual `group.field` form are read group by group (`company` is looked up once for
 * all company facts), with the same own-property checks as `factReader`; the others
 * (derived, top-level, deeper) through their own reader.
 */
export function factTableReader(
  slots: readonly FactSlot[],
  missing: unknown,
): (lead: unknown) => unknown[] {
  const groups = new Map<string, GroupMember[]>()
  const others: { slot: number; fetch: (lead: unknown) => unknown }[] = []
  slots.forEach((slot, at) => {
    const parts = slot.path.split('.')
    if (parts.length !== 2 || slot.derived) {
      others.push({ slot: at, fetch: slot.fetch })
      return
    }
    const [outer, key] = parts as [string, string]
    const members = groups.get(outer) ?? []
    members.push({ slot: at, key, present: presenceTest(slot.type) })
    groups.set(outer, members)
  })
  const grouped = [...groups].map(([key, members]) => ({ key, members }))
  const count = slots.length
  return (lead) => {
    const facts = new Array<unknown>(count)
    const isObject = lead !== null && typeof lead === 'object'
    for (const { key, members } of grouped) {
      let group: Record<string, unknown> | undefined
      if (isObject && hasOwn.call(lead, key)) {
        const value = (lead as Record<string, unknown>)[key]
        if (value !== null && typeof value === 'object') group = value as Record<string, unknown>
      }
      for (const { slot, key: field, present } of members) {
        const value = group !== undefined && hasOwn.call(group, field) ? group[field] : undefined
        facts[slot] = present(value) ? value : missing
      }
    }
    for (const { slot, fetch } of others) facts[slot] = fetch(lead)
    return facts
  }
}
