import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AccountService } from './accounts/account-service.ts'
import { EvaluatorCache } from './evaluation/evaluator-cache.ts'
import { FullTraceDecisionLog } from './evaluation/full-trace-log.ts'
import { FlagService } from './flags/flag-service.ts'
import { RulesetService } from './rulesets/ruleset-service.ts'
import { seedExampleRulesets } from './rulesets/seed.ts'
import type { Services } from './services.ts'
import { MaskingDecisionLog } from './audit/contact-masking.ts'
import { SimulationPool } from './audit/simulation-pool.ts'
import { NdjsonDecisionLog } from './store/decision-log/index.ts'
import { LowdbAccountStore } from './store/lowdb/account-stores.ts'
import { LowdbFlagStore } from './store/lowdb/flag-store.ts'
import { LowdbRulesetStore } from './store/lowdb/ruleset-store.ts'
import { openPostgresStores } from './store/postgres/open-postgres.ts'
import type {
  ApiKeyStore,
  DecisionLog,
  FlagStore,
  RulesetStore,
  SessionStore,
  UserStore,
} from './store/types.ts'

export interface OpenOptions {
  dataDir: string
  /** PostgreSQL instead of the embedded stores: several instances can share it. */
  databaseUrl?: string
  /** Example rulesets loaded as published versions when the data folder is new. */
  rulesetsDir?: string
  maxSegmentBytes?: number
  /** Mask contact email, phone and names before decisions are logged. */
  maskContact?: boolean
  /** Decisions older than this many days are dropped on open and daily after. */
  retentionDays?: number
  /**
   * Worker threads for impact simulations (started on the first large one); 0 for none.
   * Default: one per core, at most four.
   */
  simulationWorkers?: number
  log?: (message: string) => void
  accessLog?: ((line: string) => void) | null
}

export interface OpenedServices extends Services {
  /** The ruleset store; its `onChange` also reports writes by other instances (PostgreSQL). */
  rulesetStore: RulesetStore
  /** Rulesets loaded from examples on this (first) start. */
  seeded: string[]
  /** Flushes the decision log and releases files. */
  close(): Promise<void>
}

const packageVersion = (): string => {
  try {
    const file = resolve(import.meta.dirname, '..', 'package.json')
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}

/**
 * Opens the stores and wires the services the routes use: the embedded ones in a data folder
 * (`accounts.json`, `rulesets.json`, `flags.json`, `decisions/`), or PostgreSQL when `databaseUrl` is given
 * (schema migrated on open). A new folder or empty database gets the example rulesets.
 *
 * @example
 * const services = await openServices({ dataDir: './data', rulesetsDir: './rulesets' })
 * const app = createApp(services)
 */
export async function openServices(options: OpenOptions): Promise<OpenedServices> {
  const log = options.log ?? ((message: string) => console.error(message))
  const stores = options.databaseUrl
    ? await openDatabaseStores(options.databaseUrl, log)
    : await openEmbeddedStores(options, log)
  const { accountStore, rulesetStore } = stores
  const evaluators = new EvaluatorCache(rulesetStore)
  const decisions = new FullTraceDecisionLog(
    options.maskContact ? new MaskingDecisionLog(stores.decisions) : stores.decisions,
    async (rulesetId, version) => {
      const { compiled, contentHash } = await evaluators.get(rulesetId, version)
      return { nodes: compiled.nodes, contentHash }
    },
  )
  const retentionDays = options.retentionDays
  const applyRetention = async () => {
    if (retentionDays === undefined) return
    const cutoff = new Date(Date.now() - retentionDays * 86_400_000).toISOString()
    const dropped = await stores.dropBefore(cutoff)
    if (dropped > 0) log(`retention: dropped ${dropped} decisions older than ${retentionDays} days`)
  }
  await applyRetention()
  const retentionTimer =
    retentionDays === undefined
      ? undefined
      : setInterval(
          () => void applyRetention().catch((error) => log(`retention failed: ${String(error)}`)),
          86_400_000,
        ).unref()
  const seeded =
    stores.firstStart && options.rulesetsDir
      ? await seedExampleRulesets(rulesetStore, options.rulesetsDir, log)
      : []
  const accounts = new AccountService({
    users: accountStore,
    sessions: accountStore,
    keys: accountStore,
  })
  const rulesets = new RulesetService(rulesetStore)
  const simulationPool = SimulationPool.create(options.simulationWorkers)
  return {
    accounts,
    rulesets,
    evaluators,
    decisions,
    flags: new FlagService(stores.flagStore, decisions, evaluators, rulesets),
    simulationPool,
    log,
    accessLog: options.accessLog ?? null,
    startedAt: new Date(),
    version: packageVersion(),
    rulesetStore,
    seeded,
    close: async () => {
      clearInterval(retentionTimer)
      await simulationPool?.close()
      await stores.close()
    },
  }
}

interface Stores {
  accountStore: UserStore & SessionStore & ApiKeyStore
  rulesetStore: RulesetStore
  decisions: DecisionLog
  flagStore: FlagStore
  /** Nothing stored yet: the examples get loaded. */
  firstStart: boolean
  /** Retention: removes decisions evaluated before `cutoff`, answers how many. */
  dropBefore(cutoff: string): Promise<number>
  close(): Promise<void>
}

async function openEmbeddedStores(
  options: OpenOptions,
  log: (message: string) => void,
): Promise<Stores> {
  const rulesetsFile = join(options.dataDir, 'rulesets.json')
  const firstStart = !existsSync(rulesetsFile)
  const accountStore = await LowdbAccountStore.open(join(options.dataDir, 'accounts.json'))
  const rulesetStore = await LowdbRulesetStore.open(rulesetsFile)
  const flagStore = await LowdbFlagStore.open(join(options.dataDir, 'flags.json'))
  const decisions = await NdjsonDecisionLog.open(join(options.dataDir, 'decisions'), {
    ...(options.maxSegmentBytes ? { maxSegmentBytes: options.maxSegmentBytes } : {}),
    warn: log,
  })
  return {
    accountStore,
    rulesetStore,
    decisions,
    flagStore,
    firstStart,
    dropBefore: (cutoff) => decisions.dropBefore(cutoff),
    close: () => decisions.close(),
  }
}

async function openDatabaseStores(url: string, log: (message: string) => void): Promise<Stores> {
  const stores = await openPostgresStores(url, log)
  return {
    accountStore: stores.accounts,
    rulesetStore: stores.rulesets,
    decisions: stores.decisions,
    flagStore: stores.flags,
    // Only the instance that created the schema loads the examples.
    firstStart: stores.migrated.includes(1),
    dropBefore: (cutoff) => stores.decisions.dropBefore(cutoff),
    close: stores.close,
  }
}
