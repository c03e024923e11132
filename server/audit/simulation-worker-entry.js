// Worker threads start without the main thread's TypeScript loader; register it first.
import { register } from 'tsx/esm/api'

register()
await import('./simulation-worker.ts')
