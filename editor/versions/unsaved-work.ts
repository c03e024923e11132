import type { Ruleset } from '../../engine/index.ts'
import { mergeRulesets } from '../model/index.ts'
import { stableJson } from '../model/index.ts'

/** What the browser keeps of a draft's unsaved edits, so a closed tab loses nothing. */
export interface UnsavedWork {
  /** The server's version the edits started from, and its ETag. */
  etag: string
  base: Ruleset
  mine: Ruleset
  at: string
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>

const keyOf = (rulesetId: string, version: number) => `leadgate:unsaved:${rulesetId}:${version}`

export function keepUnsaved(
  storage: Storage,
  rulesetId: string,
  version: number,
  work: UnsavedWork,
): void {
  try {
    storage.setItem(keyOf(rulesetId, version), JSON.stringify(work))
  } catch {
    // Storage full or disabled: the editor works on, only without this safety net.
  }
}

export function forgetUnsaved(storage: Storage, rulesetId: string, version: number): void {
  storage.removeItem(keyOf(rulesetId, version))
}

/**
 * Unsaved edits kept for this version, if they still say something the server's copy does
 * not. Edits made on an older state of the draft are merged onto the current one (item by
 * item, as a save conflict would be), so restoring never undoes someone else's later save.
 *
 * @example
 * const found = findUnsaved(localStorage, view.rulesetId, view.version, view.etag, view.ruleset)
 * if (found) offerRestore(found.ruleset, found.at)
 */
export function findUnsaved(
  storage: Storage,
  rulesetId: string,
  version: number,
  etag: string,
  current: Ruleset,
): { ruleset: Ruleset; at: string; conflicts: string[] } | undefined {
  let work: UnsavedWork
  try {
    const text = storage.getItem(keyOf(rulesetId, version))
    if (!text) return undefined
    work = JSON.parse(text) as UnsavedWork
  } catch {
    return undefined
  }
  if (!work?.mine || !work.base) return undefined
  if (work.etag === etag) {
    return stableJson(work.mine) === stableJson(current)
      ? undefined
      : { ruleset: work.mine, at: work.at, conflicts: [] }
  }
  const { merged, conflicts } = mergeRulesets(work.base, work.mine, current)
  return stableJson(merged) === stableJson(current)
    ? undefined
    : { ruleset: merged, at: work.at, conflicts }
}
