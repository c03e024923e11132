import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RULESET_CONTENT_TYPE, validateRuleset } from '../../engine/index.ts'
import type { RulesetStore, VersionRecord } from '../store/types.ts'
import { historyEntry, settle, type Actor } from './version-record.ts'

const system: Actor = { id: 'system', email: 'system' }

/**
 * Loads the example rulesets shipped in `rulesets/*.json` (documents with the ruleset content
 * type; other JSON there is left alone) as published versions, so a first
 * start can evaluate leads at once. An invalid file is reported and skipped; the server starts.
 *
 * @example
 * await seedExampleRulesets(store, 'rulesets', console.warn) // ['b2b-inbound']
 */
export async function seedExampleRulesets(
  store: RulesetStore,
  dir: string,
  warn: (message: string) => void,
): Promise<string[]> {
  let files: string[]
  try {
    files = (await readdir(dir))
      // A mapping file (x-education.mapping.json) sits beside its ruleset; it is not one.
      .filter((name) => name.endsWith('.json') && !name.endsWith('.mapping.json'))
      .sort()
  } catch {
    warn(`no example rulesets: cannot read ${dir}`)
    return []
  }
  const loaded: string[] = []
  for (const file of files) {
    let json: unknown
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (error) {
      warn(`example ruleset ${file} skipped: ${(error as Error).message}`)
      continue
    }
    // Other JSON beside the rulesets (a CRM field mapping, say) is not ours to load.
    if ((json as { contentType?: unknown } | null)?.contentType !== RULESET_CONTENT_TYPE) continue
    const result = validateRuleset({
      ...(json as object),
      version: 1,
      status: 'published',
      approvals: [],
    })
    if (!result.ok) {
      const first = result.errors[0]!
      warn(`example ruleset ${file} skipped: ${first.path}: ${first.message}`)
      continue
    }
    const at = new Date().toISOString()
    const note = `example loaded from rulesets/${file} on first start`
    const record: VersionRecord = settle({
      rulesetId: result.ruleset.id,
      version: 1,
      status: 'published',
      revision: 1,
      contentHash: '',
      document: result.ruleset,
      approvals: [],
      history: [
        historyEntry('create', null, 'draft', system, at, note),
        historyEntry('publish', 'draft', 'published', system, at, note),
      ],
      basedOn: null,
      createdBy: system.email,
      createdAt: at,
      updatedBy: system.email,
      updatedAt: at,
    })
    await store.insertVersion(record)
    loaded.push(record.rulesetId)
  }
  return loaded
}
