import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedExampleRulesets } from '../../server/rulesets/seed.ts'
import { LowdbRulesetStore } from '../../server/store/lowdb/ruleset-store.ts'
import { repoRoot } from './harness.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadgate-seed-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('seedExampleRulesets', () => {
  it('loads every shipped ruleset as a published version 1, and nothing else, silently', async () => {
    const store = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    const warnings: string[] = []
    const loaded = await seedExampleRulesets(store, join(repoRoot, 'rulesets'), (w) =>
      warnings.push(w),
    )
    expect(loaded).toEqual(['b2b-inbound', 'x-education'])
    expect(warnings).toEqual([])
    const published = await store.getPublished('b2b-inbound')
    expect([
      published?.version,
      published?.status,
      published?.history.map((entry) => entry.action),
    ]).toEqual([1, 'published', ['create', 'publish']])
  })

  it('skips an invalid ruleset with a warning naming the file and the field', async () => {
    const examples = join(dir, 'examples')
    mkdirSync(examples)
    writeFileSync(
      join(examples, 'broken.json'),
      JSON.stringify({
        contentType: 'application/vnd.leadgate.ruleset+json',
        schemaVersion: 1,
        id: 'broken',
        name: 'B',
        policy: { acceptAt: 'high', nurtureAt: 0 },
        rules: [],
      }),
    )
    const store = await LowdbRulesetStore.open(join(dir, 'rulesets.json'))
    const warnings: string[] = []
    expect(await seedExampleRulesets(store, examples, (w) => warnings.push(w))).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^example ruleset broken\.json skipped: policy\.acceptAt: /)
  })
})
