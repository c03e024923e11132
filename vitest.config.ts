import { defineConfig } from 'vitest/config'

const unitTests = ['test/**/*.test.ts', 'test/**/*.test.tsx']

/**
 * The API tests that go through the test harness (test/server/harness.ts), run a second time
 * with every store on PostgreSQL: the store contract suites prove each store alone, these
 * prove the routes on top of it (a difference in behaviour between the stores shows here).
 */
const apiTests = [
  'test/server/*.test.ts',
  'test/reliability/auth-table.test.ts',
  'test/reliability/http-fuzz.test.ts',
]
/** test/server files that do not use the harness (stores, engine glue, a real process). */
const notOnHarness = [
  'test/server/compact-trace.test.ts',
  'test/server/config.test.ts',
  'test/server/decide-lead.test.ts',
  'test/server/decision-log.test.ts',
  'test/server/retention.test.ts',
  'test/server/ruleset-store.test.ts',
  'test/server/safe-json.test.ts',
  'test/server/seed.test.ts',
  'test/server/server-process.test.ts',
]

// Unit and API tests only; Playwright owns test/e2e.
export default defineConfig({
  test: {
    environment: 'node',
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
          exclude: notOnHarness,
          env: { LEADGATE_TEST_SERVER_STORE: 'postgres' },
        },
      },
    ],
  },
})
