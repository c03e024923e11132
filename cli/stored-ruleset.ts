import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { validateRuleset, type Ruleset } from '../engine/index.ts'
import { formatIssues } from './load-documents.ts'
import { CliError, ExitCode } from './exit-codes.ts'

/** `b2b-inbound` (the published version) or `b2b-inbound@3`. */
export const storedReference = /^([a-z0-9][a-z0-9-]*)(?:@([1-9]\d{0,8}))?$/

interface StoredVersion {
  version: number
  status: string
  document: unknown
}

/** Where the server keeps its rulesets, read-only. */
interface StoreReader {
  /** "the data folder ./data" or "the PostgreSQL database": for messages. */
  where: string
  rulesetIds(): Promise<string[]>
  versions(rulesetId: string): Promise<StoredVersion[]>
  close(): Promise<void>
}

export interface StoreLocation {
  /** `--data <dir>`: the server's data folder; wins over the environment. */
  dataDir?: string | undefined
  env: Record<string, string | undefined>
}

/**
 * A ruleset version read from the server's store, the way the server finds it: with `--data`
 * from that data folder (`rulesets.json`), else from `LEADGATE_DATABASE_URL` (PostgreSQL), else
 * from `LEADGATE_DATA_DIR` (default `./data`, as the server). Only reads: never migrates, locks
 * or writes. An unknown ruleset or version is a usage error (exit 2) naming what exists.
 *
 * @example
 * const ruleset = await loadStoredRuleset('b2b-inbound@3', { dataDir: './data', env: process.env })
 */
export async function loadStoredRuleset(
  reference: string,
  location: StoreLocation,
): Promise<Ruleset> {
  const match = storedReference.exec(reference)
  if (!match) throw new CliError(`${reference}: not a ruleset id[@version]`, ExitCode.usage)
  const rulesetId = match[1]!
  const wanted = match[2] === undefined ? undefined : Number(match[2])
  const store = await openReader(location)
  try {
    const versions = await store.versions(rulesetId)
    if (versions.length === 0) {
      const ids = await store.rulesetIds()
      throw new CliError(
        `${reference}: no ruleset "${rulesetId}" in ${store.where}${ids.length > 0 ? ` (it has: ${ids.join(', ')})` : ' (it has no rulesets)'}`,
        ExitCode.usage,
      )
    }
    const listed = versions.map((record) => `${record.version} ${record.status}`).join(', ')
    const found =
      wanted === undefined
        ? versions.find((record) => record.status === 'published')
        : versions.find((record) => record.version === wanted)
    if (!found) {
      throw new CliError(
        wanted === undefined
          ? `${reference}: ruleset "${rulesetId}" has no published version; name one as ${rulesetId}@<version> (versions: ${listed})`
          : `${reference}: ruleset "${rulesetId}" has no version ${wanted} (versions: ${listed})`,
        ExitCode.usage,
      )
    }
    const result = validateRuleset(found.document)
    if (!result.ok) {
      throw new CliError(
        `${reference}: the stored version is not a valid ruleset\n${formatIssues(reference, result.errors)}`,
      )
    }
    return result.ruleset
  } finally {
    await store.close()
  }
}

async function openReader(location: StoreLocation): Promise<StoreReader> {
  if (location.dataDir === undefined && location.env.LEADGATE_DATABASE_URL) {
    return postgresReader(location.env.LEADGATE_DATABASE_URL)
  }
  const given = location.dataDir ?? location.env.LEADGATE_DATA_DIR
  return folderReader(resolve(given || './data'), location.dataDir !== undefined)
}

/** The embedded store's `rulesets.json`; the server replaces it whole (rename), so a read is never torn. */
function folderReader(dataDir: string, named: boolean): StoreReader {
  const file = join(dataDir, 'rulesets.json')
  const where = `the data folder ${dataDir}`
  if (!existsSync(file)) {
    const how = named ? '' : ' (set by --data or LEADGATE_DATA_DIR, default ./data)'
    throw new CliError(
      `no server data in ${dataDir}${how}: rulesets.json is missing; point --data at the server's data folder or pass a ruleset file`,
      ExitCode.usage,
    )
  }
  let data: { rulesets?: Record<string, StoredVersion[]> }
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`)
  }
  const rulesets = data.rulesets ?? {}
  return {
    where,
    rulesetIds: async () => Object.keys(rulesets).sort(),
    versions: async (rulesetId) => (Object.hasOwn(rulesets, rulesetId) ? rulesets[rulesetId]! : []),
    close: async () => {},
  }
}

async function postgresReader(url: string): Promise<StoreReader> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  const where = 'the PostgreSQL database of LEADGATE_DATABASE_URL'
  try {
    await client.connect()
  } catch (error) {
    throw new CliError(`cannot reach ${where}: ${(error as Error).message}`)
  }
  const query = async <T extends object>(sql: string, params: unknown[] = []) => {
    try {
      return (await client.query<T>(sql, params)).rows
    } catch (error) {
      throw new CliError(
        `cannot read rulesets from ${where} (has a leadgate server used it yet?): ${(error as Error).message}`,
      )
    }
  }
  return {
    where,
    rulesetIds: async () =>
      (
        await query<{ ruleset_id: string }>(
          'select distinct ruleset_id from ruleset_versions order by ruleset_id',
        )
      ).map((row) => row.ruleset_id),
    versions: async (rulesetId) =>
      (
        await query<{ record: StoredVersion }>(
          'select record from ruleset_versions where ruleset_id = $1 order by version',
          [rulesetId],
        )
      ).map((row) => row.record),
    close: () => client.end().catch(() => {}),
  }
}
