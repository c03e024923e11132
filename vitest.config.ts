import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

const unitTests = ['test/**/*.test.ts', 'test/**/*.test.tsx']

/**
 * The API tests that go through the test harness (they call `openHarness`, test/server/harness.ts)
 * run a second time with every store on PostgreSQL: the store contract suites prove each store
 * alone, these prove the routes on top of it (a difference in behaviour between the stores shows
 * here). Found by reading the files, so a new harness test is never left out.
 */
const apiTests = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => `test/${file.replaceAll('\\', '/')}`)
  .filter((file) => readFileSync(file, 'utf8').includes('openHarness('))
/** Harness tests that are about one store, not about the routes on either. */
const embeddedOnly = [
  // Reads the embedded log's files (`places`); it also covers the path PostgreSQL takes, as
  // its "log without places".
  'test/server/simulate-threads.test.ts',
  // The CLI reads a stored ruleset from the embedded store's data folder.
  'test/cli/evaluate-stored.test.ts',
  // Starts its own instances on one PostgreSQL database, whatever the project says.
  'test/store/several-instances.test.ts',
]

// Unit and API tests only; Playwright owns test/e2e.
export default defineConfig({
  test: {
    environment: 'node',
    // A test file per core: vitest's default (one fewer) ran the files one at a time on a
    // 2-core machine, whose other core then mostly waited; many tests wait on the servers and
    // CLI processes they start. On 2 cores the unit tests took 201 s instead of 321 s.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    // Starts a throw-away PostgreSQL when none is configured, so its tests never skip.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    // Hooks start servers and sign users in (scrypt): on a loaded machine that outlasts 10 s.
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitTests, exclude: ['test/e2e/**', 'node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'api on postgresql',
          include: apiTests,
          exclude: embeddedOnly,
          env: { LEADGATE_TEST_SERVER_STORE: 'postgres' },
        },
      },
    ],
  },
})
