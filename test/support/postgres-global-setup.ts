import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * Vitest global setup: the PostgreSQL tests always run. When `LEADGATE_TEST_DATABASE_URL` is
 * not set (a developer's `npm test`), `scripts/ci-postgres.sh` starts (or reuses) a throw-away
 * server on 127.0.0.1 and its URL is handed to the test workers, which inherit this env.
 */
export default function setup(): void {
  if (process.env.LEADGATE_TEST_DATABASE_URL) return
  const script = resolve(import.meta.dirname, '../../scripts/ci-postgres.sh')
  const url = execFileSync('bash', [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim()
  process.env.LEADGATE_TEST_DATABASE_URL = url
}
