import { defineConfig } from 'vitest/config'

// Unit and API tests only; Playwright owns test/e2e.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    // Starts a throw-away PostgreSQL when none is configured, so its tests never skip.
    globalSetup: ['test/support/postgres-global-setup.ts'],
    // Hooks start servers and sign users in (scrypt): on a loaded machine that outlasts 10 s.
    hookTimeout: 60_000,
  },
})
