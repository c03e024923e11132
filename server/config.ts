import { resolve } from 'node:path'
import { z } from 'zod'

const repoRoot = resolve(import.meta.dirname, '..')

const milliseconds = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} is a whole number of milliseconds`)
    .transform(Number)
    .pipe(z.number().min(100, `${name} is at least 100`))

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'PORT is a number from 0 to 65535')
    .transform(Number)
    .pipe(z.number().max(65535, 'PORT is a number from 0 to 65535'))
    .default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  LEADGATE_DATA_DIR: z.string().min(1).default('./data'),
  LEADGATE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'LEADGATE_DATABASE_URL is a postgres:// URL')
    .optional(),
  LEADGATE_EDITOR_DIR: z.string().min(1).optional(),
  LEADGATE_RULESETS_DIR: z.string().min(1).optional(),
  LEADGATE_ADMIN_EMAIL: z.email('LEADGATE_ADMIN_EMAIL is not an email address').optional(),
  LEADGATE_ADMIN_PASSWORD: z.string().optional(),
  LEADGATE_ACCESS_LOG: z.enum(['on', 'off']).default('on'),
  LEADGATE_MASK_CONTACT: z.enum(['0', '1']).default('0'),
  LEADGATE_RETENTION_DAYS: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'LEADGATE_RETENTION_DAYS is a whole number of days from 1')
    .transform(Number)
    .optional(),
  LEADGATE_LOG_SEGMENT_MB: z
    .string()
    .regex(/^\d+$/, 'LEADGATE_LOG_SEGMENT_MB is a whole number of megabytes')
    .transform(Number)
    .pipe(z.number().min(1).max(4096))
    .default(64),
  LEADGATE_SIMULATION_WORKERS: z
    .string()
    .regex(/^\d+$/, 'LEADGATE_SIMULATION_WORKERS is a whole number of worker threads (0: none)')
    .transform(Number)
    .pipe(z.number().max(64, 'LEADGATE_SIMULATION_WORKERS is at most 64'))
    .optional(),
  LEADGATE_HEADERS_TIMEOUT_MS: milliseconds('LEADGATE_HEADERS_TIMEOUT_MS').default(10_000),
  LEADGATE_REQUEST_TIMEOUT_MS: milliseconds('LEADGATE_REQUEST_TIMEOUT_MS').default(300_000),
})

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL instead of the embedded stores in `dataDir`. */
  databaseUrl: string | undefined
  editorDir: string
  rulesetsDir: string
  adminEmail: string | undefined
  adminPassword: string | undefined
  accessLog: boolean
  maxSegmentBytes: number
  maskContact: boolean
  retentionDays: number | undefined
  /** Worker threads for impact simulations; undefined: one per core, at most four. */
  simulationWorkers: number | undefined
  /** A client must have sent all request headers within this (slow-loris). */
  headersTimeoutMs: number
  /** …and the whole request, body included, within this. */
  requestTimeoutMs: number
}

/**
 * Reads the server's settings from environment variables, with defaults that make
 * `npm start` work on a fresh clone. Throws with every bad variable named.
 *
 * @example
 * loadConfig({ PORT: '9000' }).port // 9000
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    throw new Error(
      `bad configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    )
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LEADGATE_DATA_DIR),
    databaseUrl: e.LEADGATE_DATABASE_URL,
    editorDir: resolve(e.LEADGATE_EDITOR_DIR ?? resolve(repoRoot, 'dist/editor')),
    rulesetsDir: resolve(e.LEADGATE_RULESETS_DIR ?? resolve(repoRoot, 'rulesets')),
    adminEmail: e.LEADGATE_ADMIN_EMAIL,
    maskContact: e.LEADGATE_MASK_CONTACT === '1',
    retentionDays: e.LEADGATE_RETENTION_DAYS,
    simulationWorkers: e.LEADGATE_SIMULATION_WORKERS,
    adminPassword: e.LEADGATE_ADMIN_PASSWORD,
    accessLog: e.LEADGATE_ACCESS_LOG === 'on',
    maxSegmentBytes: e.LEADGATE_LOG_SEGMENT_MB * 1024 * 1024,
    headersTimeoutMs: e.LEADGATE_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.LEADGATE_REQUEST_TIMEOUT_MS,
  }
}
