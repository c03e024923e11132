/**
 * Loaded with `node --import tsx --import <this file> <example.js>` by
 * test/engine/jre-examples.test.ts. It makes the example's `require('json-rules-engine')`
 * answer the leadgate-backed facade and `require('colors')` answer a no-colour stand-in,
 * so each upstream example runs unchanged, in its own process, and its stdout can be
 * compared byte for byte with the output captured from the real json-rules-engine.
 *
 * An error leadgate raises on purpose (an unsupported feature) is written to stderr as one
 * `LEADGATE-ERROR {json}` line and the process exits with code 3.
 */
import Module from 'node:module'
import { LeadgateError, UnsupportedFeatureError } from '../../../engine/index.ts'
import * as facade from './engine-facade.ts'

type Load = (request: string, parent: unknown, isMain: boolean) => unknown
const loader = Module as unknown as { _load: Load }
const load = loader._load

/** What the `colors` package does with --no-color: every style returns the text unchanged. */
const colors = [
  'green',
  'red',
  'underline',
  'bold',
  'dim',
  'yellow',
  'blue',
  'cyan',
  'magenta',
  'grey',
  'gray',
  'white',
  'italic',
]
for (const style of colors) {
  Object.defineProperty(String.prototype, style, {
    get(this: string) {
      return String(this)
    },
    configurable: true,
  })
}

loader._load = function (request, parent, isMain) {
  if (request === 'json-rules-engine') return facade
  if (request === 'colors') return {}
  return load.call(this, request, parent, isMain)
}

function report(error: unknown): void {
  if (!(error instanceof LeadgateError)) throw error
  const features =
    error instanceof UnsupportedFeatureError
      ? [
          { feature: error.feature, path: error.path },
          ...error.also.map(({ feature, path }) => ({ feature, path })),
        ]
      : []
  process.stderr.write(
    `LEADGATE-ERROR ${JSON.stringify({ code: error.code, message: error.message, features })}\n`,
  )
  process.exit(3)
}
process.on('unhandledRejection', report)
process.on('uncaughtException', report)
