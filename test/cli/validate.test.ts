import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const b2b = JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8'))

describe('leadgate validate', () => {
  it('accepts the example rulesets and mapping', () => {
    const run = runCli([
      'validate',
      'rulesets/b2b-inbound.json',
      'rulesets/x-education.json',
      'rulesets/x-education.mapping.json',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        'rulesets/b2b-inbound.json: valid ruleset b2b-inbound v1 (15 rules, 3 personas, 4/4 test leads as expected)',
        'rulesets/x-education.json: valid ruleset x-education v1 (17 rules, 2 personas, 4/4 test leads as expected)',
        'rulesets/x-education.mapping.json: valid mapping (22 facts)',
        '3 of 3 valid',
        '',
      ].join('\n'),
    )
  })

  it('names the file, the JSON path and a hint for an invalid ruleset', () => {
    const broken = structuredClone(b2b)
    broken.rules[2].when.all[0].operator = 'greaterThen'
    const file = folder.write('broken.json', JSON.stringify(broken))
    const run = runCli(['validate', file, 'rulesets/b2b-inbound.json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `${file}: error rules[2].when.all[0].operator: unknown operator "greaterThen"; did you mean "greaterThan"?\n`,
    )
    expect(run.stdout).toContain('1 of 2 valid')
  })

  it('fails a ruleset whose saved test lead no longer gets its expected outcome', () => {
    const drifted = structuredClone(b2b)
    drifted.policy.acceptAt = 200
    const file = folder.write('drifted.json', JSON.stringify(drifted))
    const run = runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `${file}: error testLeads[0]: "Director at a mid-size manufacturer" is nurture, expected accepted`,
    )
  })

  it('says when a file is not JSON', () => {
    const file = folder.write('not-json.json', '{ "id": ')
    const run = runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/not-json\.json: not valid JSON \(/)
  })

  it('names the bad field of an invalid mapping file', () => {
    const file = folder.write(
      'bad.mapping.json',
      JSON.stringify({ facts: { 'company.employees': { column: 'E', type: 'integer' } } }),
    )
    const run = runCli(['validate', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `${file}: error facts["company.employees"].type: type is one of "string", "number", "boolean", "date", "list" or "band"\n`,
    )
  })
})
