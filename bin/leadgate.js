#!/usr/bin/env node
// Runs the bundled CLI (dist/cli, built by `npm install`) when it is at least as new as the
// TypeScript source; otherwise runs the source through tsx, so an edit is never ignored.
import { readdirSync, statSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const bundle = new URL('dist/cli/leadgate.mjs', root)

function newestSource(folder) {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), folder)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs
    return (
      built >= Math.max(newestSource(new URL('cli/', root)), newestSource(new URL('engine/', root)))
    )
  } catch {
    return false
  }
}

let main
if (bundleIsFresh()) {
  ;({ main } = await import(bundle.href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import(new URL('cli/main.ts', root).href))
}
process.exitCode = await main(process.argv.slice(2))
