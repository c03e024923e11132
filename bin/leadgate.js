#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on load (cached), so a plain `npm install` is all
// it needs and there is no build output to go stale.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
