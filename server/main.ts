import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { bootstrapAdmin } from './accounts/bootstrap-admin.ts'
import { createApp } from './app.ts'
import { loadConfig, type ServerConfig } from './config.ts'
import { openServices, type OpenedServices } from './open-services.ts'

export interface RunningServer {
  url: string
  port: number
  services: OpenedServices
  /** Stops accepting, lets in-flight requests finish, flushes the decision log. */
  stop(): Promise<void>
}

const SHUTDOWN_GRACE_MS = 10_000

/**
 * Starts leadgate: opens the data folder, creates the first admin if there is none, and
 * listens. Used by `npm start` and by tests that need a real process.
 *
 * @example
 * const server = await startServer(loadConfig({ PORT: '0', LEADGATE_DATA_DIR: tmp }))
 * await fetch(`${server.url}/api/health`)
 * await server.stop()
 */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const services = await openServices({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    rulesetsDir: config.rulesetsDir,
    maxSegmentBytes: config.maxSegmentBytes,
    maskContact: config.maskContact,
    ...(config.retentionDays === undefined ? {} : { retentionDays: config.retentionDays }),
    ...(config.simulationWorkers === undefined
      ? {}
      : { simulationWorkers: config.simulationWorkers }),
    log: (message) => console.error(message),
    accessLog: config.accessLog ? (line) => console.log(line) : null,
  })
  const admin = await bootstrapAdmin(services.accounts.stores.users, {
    email: config.adminEmail,
    password: config.adminPassword,
  })
  const app = createApp(services, { editorDir: config.editorDir })
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        // Slow clients must not hold connections open forever (slow-loris). Node checks the
        // timeouts every `connectionsCheckingInterval` (30 s by default, longer than a short
        // headers timeout), so the check runs at least as often as the shorter timeout.
        serverOptions: {
          headersTimeout: config.headersTimeoutMs,
          requestTimeout: config.requestTimeoutMs,
          connectionsCheckingInterval: Math.min(config.headersTimeoutMs, 30_000),
        },
      },
      () => resolve(started),
    )
  })
  const http = server as unknown as import('node:http').Server
  const port = (server.address() as AddressInfo).port
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = `http://${host}:${port}`
  if (services.seeded.length > 0) {
    console.log(`loaded example rulesets as published versions: ${services.seeded.join(', ')}`)
  }
  if (admin) {
    console.log(
      admin.generatedPassword
        ? `\nFirst start: created the admin account. Sign in at ${url} with\n  email:    ${admin.email}\n  password: ${admin.generatedPassword}\nThis password is shown only now: change it after signing in (your name, top right → Change password),\nthen add people and API keys under Admin.\n`
        : `\nFirst start: created the admin account ${admin.email} with LEADGATE_ADMIN_PASSWORD. Sign in at ${url}\n`,
    )
  }
  // Last, so whoever waits for this line (tests, scripts) has seen everything above.
  const storage = config.databaseUrl ? 'data in PostgreSQL' : `data in ${config.dataDir}`
  console.log(`leadgate ${services.version} listening on ${url} (${storage})`)
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      const timer = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS)
      await closed
      clearTimeout(timer)
      await services.close()
    })())
  return { url, port, services, stop }
}

async function main(): Promise<void> {
  let config: ServerConfig
  try {
    config = loadConfig()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
  let server: RunningServer
  try {
    server = await startServer(config)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    console.error(
      code === 'EADDRINUSE'
        ? `port ${config.port} is in use; set PORT to another port`
        : `leadgate could not start: ${(error as Error).message}`,
    )
    process.exit(1)
  }
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests in flight and flushing the decision log…`)
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`shutdown failed: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

if (
  process.argv[1] &&
  import.meta.filename === (await import('node:fs')).realpathSync(process.argv[1])
) {
  await main()
}
