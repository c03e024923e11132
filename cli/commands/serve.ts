import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Command } from 'commander'
import { CliError, ExitCode } from '../exit-codes.ts'

interface ServeOptions {
  port?: string
  host?: string
  data?: string
}

interface ServerModule {
  startServer(config: unknown): Promise<{ url: string; stop(): Promise<void> }>
}
interface ConfigModule {
  loadConfig(env: Record<string, string | undefined>): unknown
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('start the leadgate server (API, editor, decision log)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8787)')
    .option('--host <host>', 'address to listen on (env HOST, default 0.0.0.0)')
    .option('--data <dir>', 'data folder (env LEADGATE_DATA_DIR, default ./data)')
    .addHelpText(
      'after',
      `
The same server as \`npm start\`; every setting can also come from the environment
(PORT, HOST, LEADGATE_DATA_DIR, LEADGATE_ADMIN_EMAIL, ...). Stop it with Ctrl-C: requests
in flight finish and the decision log is flushed.

Example:
  $ leadgate serve --port 9000 --data /var/lib/leadgate`,
    )
    .action(async (options: ServeOptions) => {
      // The bundled CLI runs plain JavaScript; the server is TypeScript, read through tsx.
      if (import.meta.url.endsWith('.mjs')) (await import('tsx/esm/api')).register()
      const server = (await import(moduleUrl('../../server/main.ts'))) as ServerModule
      const { loadConfig } = (await import(moduleUrl('../../server/config.ts'))) as ConfigModule
      const env = { ...process.env }
      if (options.port !== undefined) env.PORT = options.port
      if (options.host !== undefined) env.HOST = options.host
      if (options.data !== undefined) env.LEADGATE_DATA_DIR = options.data
      let config: unknown
      try {
        config = loadConfig(env)
      } catch (error) {
        throw new CliError((error as Error).message, ExitCode.usage)
      }
      const running = await server.startServer(config).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(
          error.code === 'EADDRINUSE'
            ? `port ${options.port ?? env.PORT ?? 8787} is in use; pass --port`
            : `the server could not start: ${error.message}`,
        )
      })
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(
            `${signal}: finishing requests in flight and flushing the decision log…\n`,
          )
          running.stop().then(resolve, resolve)
        }
        process.once('SIGINT', () => stop('SIGINT'))
        process.once('SIGTERM', () => stop('SIGTERM'))
      })
    })
}

/**
 * The server is loaded only when `serve` runs, by URL: the other commands must not pay for
 * starting Hono, and a checkout without the server still runs them.
 */
function moduleUrl(relative: string): string {
  const url = new URL(relative, import.meta.url)
  if (!existsSync(fileURLToPath(url))) {
    throw new CliError('this copy of leadgate has no server (server/main.ts is missing)')
  }
  return url.href
}
