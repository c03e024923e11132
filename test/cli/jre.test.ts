import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const bigEnough = {
  name: 'big enough',
  conditions: {
    all: [{ fact: 'company', path: '$.employees', operator: 'greaterThanInclusive', value: 50 }],
  },
  event: { type: 'big-enough' },
}

describe('leadgate import-jre and export-jre', () => {
  it('imports json-rules-engine rules as a ruleset with the owner asked for', () => {
    const file = folder.write('rules.json', JSON.stringify({ rules: [bigEnough] }))
    const run = runCli(['import-jre', file, '--owner', 'marketing', '--id', 'big-co'])
    expect(run.code).toBe(0)
    const ruleset = JSON.parse(run.stdout)
    expect(ruleset.id).toBe('big-co')
    expect(ruleset.rules).toEqual([
      {
        id: 'big-enough',
        name: 'big enough',
        owner: 'marketing',
        kind: 'require',
        when: { all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }] },
      },
    ])
  })

  it('refuses a feature it cannot decide the same way, naming it and where it is', () => {
    const comparison = {
      conditions: { any: [{ fact: 'account', operator: 'equal', value: { fact: 'other' } }] },
      event: { type: 'x' },
    }
    const file = folder.write(
      'unsupported.json',
      JSON.stringify({ rules: [bigEnough, comparison] }),
    )
    const run = runCli(['import-jre', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      `leadgate: ${file}: cannot import\nrules[1].conditions.any[0].value: unsupported json-rules-engine feature "fact comparison"`,
    )
  })

  it('exports a ruleset and imports it back with the same rules', () => {
    const exported = folder.path('b2b.jre.json')
    const exportRun = runCli(['export-jre', 'rulesets/b2b-inbound.json', '--out', exported])
    expect(exportRun.code).toBe(0)
    expect(exportRun.stderr).toBe(
      'note: register these operators with json-rules-engine before running: between, containsAny, titleHasAny\n',
    )
    const jre = JSON.parse(readFileSync(exported, 'utf8'))
    expect(jre.rules).toHaveLength(15)
    expect(jre.rules[2].conditions).toEqual({
      all: [{ fact: 'company', path: '$.employees', operator: 'greaterThanInclusive', value: 50 }],
    })
    const back = folder.path('back.json')
    expect(runCli(['import-jre', exported, '--out', back]).code).toBe(0)
    const original = JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8'))
    const imported = JSON.parse(readFileSync(back, 'utf8'))
    expect(
      imported.rules.map((rule: { id: string; when: unknown }) => [rule.id, rule.when]),
    ).toEqual(original.rules.map((rule: { id: string; when: unknown }) => [rule.id, rule.when]))
  })

  it('exits 1 for a ruleset it cannot read', () => {
    const file = folder.write('bad.json', '[]')
    const run = runCli(['export-jre', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`leadgate: ${file}: invalid ruleset`)
  })
})
