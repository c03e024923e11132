/**
 * Bundles the CLI (and its worker), with the packages they use, into dist/cli with esbuild,
 * so `leadgate` starts in a fraction of the time and memory of compiling TypeScript on every
 * run. Runs on
 * `npm install` (prepare); bin/leadgate.js falls back to the TypeScript source whenever the
 * bundle is missing or older than the source, so it can never run stale code.
 */
import { build, type Plugin } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * zod's messages in every language are 30% of the bundle, and leadgate speaks English (zod's
 * default, which it imports apart): the module that gathers the others is left empty.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    )
    plugin.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {}' }))
  },
}

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
  // The packages go into the bundle too: resolving and loading zod's many files from
  // node_modules was a third of `leadgate validate` (0.33 s, bundled 0.20 s). Left out: the
  // server's (loaded from source by `leadgate serve`), pg (optional native parts), tsx.
  external: ['pg', 'tsx', 'tsx/*'],
  plugins: [zodEnglishOnly],
  // Bundled CommonJS packages (commander, cli-progress) call require for Node's own modules.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
})
