/**
 * Bundles the CLI (and its worker) into dist/cli with esbuild, so `leadgate` starts in a
 * fraction of the time and memory of compiling TypeScript on every run. Runs on
 * `npm install` (prepare); bin/leadgate.js falls back to the TypeScript source whenever the
 * bundle is missing or older than the source, so it can never run stale code.
 */
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

await build({
  absWorkingDir: root,
  entryPoints: {
    leadgate: 'cli/main.ts',
    'evaluation-worker': 'cli/evaluate/evaluation-worker.ts',
  },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
})
