import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset, type Ruleset } from '../../engine/index.ts'
import { findUnsaved, forgetUnsaved, keepUnsaved } from '../../editor/versions/unsaved-work.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const edit = (change: (copy: Ruleset) => void): Ruleset => {
  const copy = structuredClone(b2b)
  change(copy)
  return copy
}
const memory = () => {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}
const at = '2026-11-23T10:00:00.000Z'

describe('unsaved work kept in the browser', () => {
  it('offers edits made on the version as the server still has it', () => {
    const storage = memory()
    const mine = edit((r) => (r.policy.acceptAt = 70))
    keepUnsaved(storage, 'b2b-inbound', 2, { etag: '"v2.r1"', base: b2b, mine, at })
    expect(findUnsaved(storage, 'b2b-inbound', 2, '"v2.r1"', b2b)).toEqual({
      ruleset: mine,
      at,
      conflicts: [],
    })
  })

  it('merges edits made on an older state onto the newer one', () => {
    const storage = memory()
    const mine = edit((r) => (r.policy.acceptAt = 70))
    keepUnsaved(storage, 'b2b-inbound', 2, { etag: '"v2.r1"', base: b2b, mine, at })
    const theirs = edit((r) => (r.rules[0]!.rationale = 'Theirs'))
    const found = findUnsaved(storage, 'b2b-inbound', 2, '"v2.r2"', theirs)!
    expect(found.ruleset.policy.acceptAt).toBe(70)
    expect(found.ruleset.rules[0]!.rationale).toBe('Theirs')
  })

  it('offers nothing once the server has the same content', () => {
    const storage = memory()
    keepUnsaved(storage, 'b2b-inbound', 2, { etag: '"v2.r1"', base: b2b, mine: b2b, at })
    expect(findUnsaved(storage, 'b2b-inbound', 2, '"v2.r1"', b2b)).toBeUndefined()
  })

  it('offers nothing after it was forgotten, nor for unreadable entries', () => {
    const storage = memory()
    keepUnsaved(storage, 'x', 1, { etag: 'e', base: b2b, mine: edit((r) => (r.name = 'Y')), at })
    forgetUnsaved(storage, 'x', 1)
    expect(findUnsaved(storage, 'x', 1, 'e', b2b)).toBeUndefined()
    storage.setItem('leadgate:unsaved:x:1', '{not json')
    expect(findUnsaved(storage, 'x', 1, 'e', b2b)).toBeUndefined()
  })
})
