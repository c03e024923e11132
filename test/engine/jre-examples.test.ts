import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The 13 upstream json-rules-engine examples (../shared/data/json-rules-engine-examples,
 * CacheControl/json-rules-engine @ e1f1fda, ISC), run unchanged against leadgate.
 *
 * Why run the original files instead of transcribing their rules as JSON: a transcription
 * could silently differ from the example, and the examples print their events through
 * handlers, rule results and almanac reads, which only the example's own code exercises.
 * Each example runs in its own Node process with a preload (test/support/jre-examples)
 * that answers `require('json-rules-engine')` with a facade: its rules and named conditions
 * go through `importJre` as a user's would, and leads are decided by the compiled ruleset.
 * The examples are trusted fixture files from the repository's data folder, never user
 * input; the product itself never evaluates code.
 *
 * Examples that use only supported features must print exactly the stdout captured from
 * json-rules-engine 7.3.1 (`examples/expected/<name>.txt`). The others must stop with an
 * "unsupported" error naming each feature and where it is used.
 */
const examples = resolve('../shared/data/json-rules-engine-examples/examples')
const preload = pathToFileURL(resolve('test/support/jre-examples/preload.ts')).href

interface Run {
  code: number
  stdout: string
  stderr: string
}

function runExample(name: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', preload, join(examples, `${name}.js`), '--no-color'],
      { timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout, stderr })
      },
    )
  })
}

function leadgateError(run: Run) {
  const line = run.stderr.split('\n').find((text) => text.startsWith('LEADGATE-ERROR '))
  if (!line) throw new Error(`no leadgate error; exit ${run.code}, stderr:\n${run.stderr}`)
  return JSON.parse(line.slice('LEADGATE-ERROR '.length)) as {
    code: string
    message: string
    features: { feature: string; path: string }[]
  }
}

const supported = [
  '01-hello-world',
  '02-nested-boolean-logic',
  '09-rule-results',
  '10-condition-sharing',
]

/** Every unsupported feature each example uses, in the order leadgate reports them. */
const unsupported: Record<string, { feature: string; path: string }[]> = {
  '03-dynamic-facts': [{ feature: 'dynamic fact', path: 'engine.addFact("account-information")' }],
  '04-fact-dependency': [
    { feature: 'fact params', path: 'rules[1].conditions.all[0].params' },
    { feature: 'dynamic fact', path: 'engine.addFact("account-information")' },
    { feature: 'dynamic fact', path: 'engine.addFact("employee-tenure")' },
  ],
  '05-optimizing-runtime-with-fact-priorities': [
    { feature: 'dynamic fact', path: 'engine.addFact("account-information")' },
    { feature: 'dynamic fact', path: 'engine.addFact("date")' },
  ],
  '06-custom-operators': [{ feature: 'custom operator', path: 'engine.addOperator("startsWith")' }],
  '07-rule-chaining': [
    { feature: 'rule callback', path: 'rules[0].onSuccess' },
    { feature: 'rule callback', path: 'rules[0].onFailure' },
  ],
  '08-fact-comparison': [
    { feature: 'fact params', path: 'rules[0].conditions.all[0].params' },
    { feature: 'fact comparison', path: 'rules[0].conditions.all[0].value' },
    { feature: 'dynamic fact', path: 'engine.addFact("account")' },
    { feature: 'dynamic fact', path: 'engine.addFact("product")' },
  ],
  '11-using-facts-in-events': [
    { feature: 'comparison with a missing value', path: 'rules[0].conditions.any[0].value' },
    { feature: 'fact comparison', path: 'rules[0].conditions.any[1].value' },
    { feature: 'fact comparison', path: 'rules[1].conditions.all[0].value' },
    { feature: 'facts in event params', path: 'new Engine(rules, { replaceFactsInEventParams })' },
    { feature: 'dynamic fact', path: 'engine.addFact("currentHighScore")' },
  ],
  '12-using-custom-almanac': [
    { feature: 'fact params', path: 'rules[0].conditions.all[0].params' },
  ],
  '13-using-operator-decorators': [
    { feature: 'operator decorator', path: 'rules[0].conditions.all[0].operator' },
    { feature: 'fact comparison', path: 'rules[0].conditions.all[0].value' },
  ],
}

const runs = new Map<string, Run>()

beforeAll(async () => {
  const names = [...supported, ...Object.keys(unsupported)]
  // Two at a time: the CI machine has two cores.
  for (let at = 0; at < names.length; at += 2) {
    const batch = names.slice(at, at + 2)
    const results = await Promise.all(batch.map(runExample))
    batch.forEach((name, index) => runs.set(name, results[index]!))
  }
}, 120_000)

describe('json-rules-engine examples that use only supported features', () => {
  for (const name of supported) {
    it(`${name} prints exactly what json-rules-engine printed`, () => {
      const run = runs.get(name)!
      const expected = readFileSync(join(examples, 'expected', `${name}.txt`), 'utf8')
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toBe(expected)
    })
  }
})

describe('json-rules-engine examples that use unsupported features', () => {
  for (const [name, features] of Object.entries(unsupported)) {
    it(`${name} stops with an unsupported error naming ${features[0]!.feature}`, () => {
      const run = runs.get(name)!
      const error = leadgateError(run)
      expect(run.code).toBe(3)
      expect(error.code).toBe('unsupported_jre_feature')
      expect(error.features).toEqual(features)
      expect(error.message).toContain(
        `${features[0]!.path}: unsupported json-rules-engine feature "${features[0]!.feature}"`,
      )
    })
  }

  it('leaves no example out', () => {
    const files = readdirSync(examples)
      .filter((file) => /^\d\d-.*\.js$/.test(file))
      .map((file) => file.slice(0, -'.js'.length))
    expect([...supported, ...Object.keys(unsupported)].sort()).toEqual(files.sort())
    expect(files).toHaveLength(13)
  })
})
