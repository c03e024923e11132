import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { loadConfig } from '../../server/config.ts'
import { startServer } from '../../server/main.ts'
import { people } from './people.ts'

/**
 * Builds the editor, starts leadgate on a free port with an empty data folder, and creates a
 * marketing and a sales user and an evaluate key. Tests read the address and key from the
 * environment, which Playwright hands to its workers.
 */
export default async function globalSetup() {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' })
  const dataDir = await mkdtemp(join(tmpdir(), 'leadgate-e2e-'))
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LEADGATE_DATA_DIR: dataDir,
      LEADGATE_ADMIN_EMAIL: people.admin.email,
      LEADGATE_ADMIN_PASSWORD: people.admin.password,
      LEADGATE_ACCESS_LOG: 'off',
    }),
  )
  const url = `http://127.0.0.1:${server.port}`
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: people.admin.email, password: people.admin.password }),
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const asAdmin = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    })
  for (const person of [people.marketing, people.sales]) {
    const created = await asAdmin('/api/users', person)
    if (created.status !== 201)
      throw new Error(`could not create ${person.email}: ${await created.text()}`)
  }
  const key = (await (
    await asAdmin('/api/keys', { name: 'e2e CRM', scope: 'evaluate' })
  ).json()) as {
    key: string
  }
  process.env.LEADGATE_E2E_URL = url
  process.env.LEADGATE_E2E_KEY = key.key
  return async () => {
    await server.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}
