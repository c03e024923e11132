import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const leads = folder.write('leads.csv', 'id,company.employees\nL1,300\n')
/** `leadgate evaluate` of the one-lead file against the shipped example, with `more` options. */
const evaluateExample = (...more: string[]) =>
  runCli(['evaluate', '-r', 'rulesets/b2b-inbound.json', '-i', leads, ...more])

describe('leadgate usage and errors', () => {
  it('documents commands, examples and exit codes in --help', () => {
    const run = runCli(['--help'])
    expect(run.code).toBe(0)
    for (const command of [
      'evaluate',
      'validate',
      'simulate',
      'import-jre',
      'export-jre',
      'serve',
    ]) {
      expect(run.stdout).toContain(`  ${command} `)
    }
    expect(run.stdout).toContain('2  usage: unknown command or option, missing argument')
    expect(runCli(['evaluate', '--help']).stdout).toContain('Examples:')
  })

  it('exits 2 for an unknown command', () => {
    const run = runCli(['evaluat'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("error: unknown command 'evaluat'")
  })

  it('exits 2 when a required option is missing', () => {
    const run = runCli(['evaluate', '-i', leads])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      "error: required option '-r, --ruleset <file | id[@version]>' not specified",
    )
  })

  it('exits 2 for an unknown output column', () => {
    const run = evaluateExample('--columns', 'id,colour')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      '--columns: unknown field "colour"; choose from id, outcome, score',
    )
  })

  it('exits 1 for an invalid ruleset, naming the path', () => {
    const ruleset = folder.write('ruleset.json', JSON.stringify({ contentType: 'x' }))
    const run = runCli(['evaluate', '-r', ruleset, '-i', leads])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `leadgate: ${ruleset}: invalid ruleset\n${ruleset}: error contentType: contentType must be`,
    )
  })

  it('exits 1 for a missing lead file', () => {
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/b2b-inbound.json',
      '-i',
      folder.path('nope.csv'),
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`leadgate: ${folder.path('nope.csv')}: no such file\n`)
  })

  it('exits 1 when the output folder does not exist', () => {
    const out = folder.path('missing/decisions.ndjson')
    const run = evaluateExample('-o', out)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`leadgate: ${out}: no such folder\n`)
  })

  it('exits 1 for an invalid mapping file, naming the bad field', () => {
    const mapping = folder.write('map.json', JSON.stringify({ facts: { '__proto__.x': 'Id' } }))
    const run = evaluateExample('-m', mapping)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `leadgate: ${mapping}: invalid mapping\n${mapping}: facts["__proto__.x"]: a fact path may not use __proto__, constructor or prototype\n`,
    )
  })

  it('exits 1 when no column of the mapping is in the file', () => {
    const run = evaluateExample('-m', 'hubspot')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      "none of the mapping's columns are in the file's header (id, company.employees)",
    )
  })

  it('exits 1 for a --map that is neither a preset nor a file', () => {
    const run = evaluateExample('-m', 'salesfarce')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      '--map salesfarce: no such file; use "salesforce", "hubspot" or a mapping JSON file',
    )
  })
})
