import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { hashPassword } from '../../server/accounts/password.ts'
import { randomId } from '../../server/accounts/tokens.ts'
import { createApp } from '../../server/app.ts'
import { openServices, type OpenedServices } from '../../server/open-services.ts'
import type { Role } from '../../server/store/types.ts'
import { createTestDatabase } from '../store/store-factories.ts'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const PASSWORD = 'correct-horse-battery'

/** The people every server test signs in as. */
export const people = {
  admin: ['admin'],
  marketing: ['marketing'],
  marketing2: ['marketing'],
  sales: ['sales'],
  sales2: ['sales'],
  both: ['marketing', 'sales'],
  viewer: ['viewer'],
} satisfies Record<string, Role[]>
export type Person = keyof typeof people

export interface Harness {
  app: ReturnType<typeof createApp>
  /** Where rulesets, accounts and decisions live. */
  store: 'embedded' | 'postgres'
  services: OpenedServices
  dataDir: string
  /** Session cookie per person. */
  cookies: Record<Person, string>
  userIds: Record<Person, string>
  /** An evaluate API key. */
  apiKey: string
  /** A request as someone: a person's cookie, the API key, or nobody. */
  request(
    as: Person | 'key' | 'none',
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>
  close(): Promise<void>
}

// One hash for every test user: scrypt is slow on purpose, tests need not be.
const passwordHash = hashPassword(PASSWORD)

/**
 * A server on a fresh temporary data folder (example rulesets loaded), with one signed-in
 * session per person and an evaluate key. `close` removes the folder.
 */
export async function openHarness(
  options: { editorDir?: string; maskContact?: boolean; databaseUrl?: string } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-test-'))
  // LEADGATE_TEST_SERVER_STORE=postgres runs a server test on its own fresh PostgreSQL database.
  const database =
    options.databaseUrl === undefined && process.env.LEADGATE_TEST_SERVER_STORE === 'postgres'
      ? await createTestDatabase()
      : undefined
  const databaseUrl = options.databaseUrl ?? database?.url
  const services = await openServices({
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    rulesetsDir: join(repoRoot, 'rulesets'),
    maskContact: options.maskContact ?? false,
    log: () => {},
  })
  const app = createApp(services, { editorDir: options.editorDir ?? join(dataDir, 'no-editor') })
  const users = services.accounts.stores.users
  const cookies = {} as Record<Person, string>
  const userIds = {} as Record<Person, string>
  const now = new Date().toISOString()
  for (const [person, roles] of Object.entries(people) as [Person, Role[]][]) {
    const id = randomId('usr')
    userIds[person] = id
    await users.createUser({
      id,
      email: `${person}@example.com`,
      name: person,
      roles,
      passwordHash: await passwordHash,
      disabled: false,
      createdAt: now,
      updatedAt: now,
    })
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${person}@example.com`, password: PASSWORD }),
    })
    cookies[person] = res.headers.get('set-cookie')!.split(';')[0]!
  }
  const { key } = await services.accounts.createApiKey('test', userIds.admin)
  const request: Harness['request'] = (as, method, path, body, headers = {}) => {
    const auth: Record<string, string> =
      as === 'none'
        ? {}
        : as === 'key'
          ? { authorization: `Bearer ${key}` }
          : { cookie: cookies[as] }
    const init: RequestInit = { method, headers: { ...auth, ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    return Promise.resolve(app.request(path, init))
  }
  return {
    app,
    store: databaseUrl ? 'postgres' : 'embedded',
    services,
    dataDir,
    cookies,
    userIds,
    apiKey: key,
    request,
    close: async () => {
      await services.close()
      await database?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; details: unknown } }).error
