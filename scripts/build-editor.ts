/**
 * `npm run build` (and the first step of `npm start`): builds the editor into dist/editor with
 * Vite when its sources exist and the build is missing or older than them. `--force` always
 * builds. Without editor sources there is nothing to build and the server shows a notice at `/`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const sourceDir = join(root, 'editor')
const builtIndex = join(root, 'dist/editor/index.html')

/** Newest modification time of any file under `dir`. */
function newestIn(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs)
  }
  return newest
}

if (!existsSync(join(sourceDir, 'index.html'))) {
  console.log('editor: no sources in editor/ yet; the server will show a notice at /')
  process.exit(0)
}
const force = process.argv.includes('--force')
// The editor bundles the engine (it decides test leads in the browser): engine changes count.
const sourcesChanged = Math.max(
  newestIn(sourceDir),
  newestIn(join(root, 'engine')),
  statSync(join(root, 'vite.config.ts')).mtimeMs,
)
if (!force && existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= sourcesChanged) {
  console.log('editor: dist/editor is up to date')
  process.exit(0)
}
console.log('editor: building dist/editor with vite…')
const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(vite.status ?? 1)
