import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const leads = folder.write('leads.csv', 'id,company.employees\nL1,300\n')
/** `leadgate evaluate` of the one-lead file against the shipped example; options go after. */
const example = ['evaluate', '-r', 'rulesets/b2b-inbound.json', '-i', leads]
const evaluateExample = (...more: string[]) => runCli([...example, ...more])

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

  it.each<[name: string, args: string[], code: number, message: string]>([
    ['exits 2 for an unknown command', ['evaluat'], 2, "error: unknown command 'evaluat'"],
    [
      'exits 2 when a required option is missing',
      ['evaluate', '-i', leads],
      2,
      "error: required option '-r, --ruleset <file | id[@version]>' not specified",
    ],
    [
      'exits 2 for an unknown output column',
      [...example, '--columns', 'id,colour'],
      2,
      '--columns: unknown field "colour"; choose from id, outcome, score',
    ],
    [
      'exits 1 when no column of the mapping is in the file',
      [...example, '-m', 'hubspot'],
      1,
      "none of the mapping's columns are in the file's header (id, company.employees)",
    ],
    [
      'exits 1 for a --map that is neither a preset nor a file',
      [...example, '-m', 'salesfarce'],
      1,
      '--map salesfarce: no such file; use "salesforce", "hubspot" or a mapping JSON file',
    ],
  ])('%s', (_name, args, code, message) => {
    const run = runCli(args)
    expect(run.code).toBe(code)
    expect(run.stderr).toContain(message)
  })

  it('exits 1 for an invalid ruleset, naming the path', () => {
    const ruleset = folder.write('ruleset.json', JSON.stringify({ contentType: 'x' }))
    const run = runCli(['evaluate', '-r', ruleset, '-i', leads])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `leadgate: ${ruleset}: invalid ruleset\n${ruleset}: error contentType: contentType must be`,
    )
  })

  it('stops the worker threads it started when the ruleset turns out invalid', () => {
    // --workers 2 starts them before the ruleset is read: they must not keep the process up
    // (spawnSync would end it after 60 s, and its code would be null, not 1).
    const ruleset = folder.write('ruleset.json', JSON.stringify({ contentType: 'x' }))
    const run = runCli(['evaluate', '-r', ruleset, '-i', leads, '--workers', '2'])
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      1,
      `leadgate: ${ruleset}: invalid ruleset`,
    ])
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
})
