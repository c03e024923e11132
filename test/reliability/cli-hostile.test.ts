import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../server/harness.ts'
import { runCli, scratchFolder } from '../cli/run-cli.ts'

const scratch = scratchFolder()
afterAll(() => scratch.remove())
const example = join(repoRoot, 'rulesets/b2b-inbound.json')
const exampleText = readFileSync(example, 'utf8')
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
const withPolicy = (replacement: string) => exampleText.replace(/"policy"\s*:/, replacement)

/** Ruleset files `leadgate validate` must refuse with exit 1 and a message naming the problem. */
const badRulesets: { name: string; file: () => string; message: RegExp }[] = [
  {
    name: 'malformed JSON',
    file: () => scratch.write('bad.json', '{"id":'),
    message: /bad\.json: not valid JSON/,
  },
  {
    name: '10,000-deep nesting',
    file: () => scratch.write('deep.json', deep(10_000)),
    message: /deep\.json: error/,
  },
  {
    name: 'a "__proto__" key',
    file: () => scratch.write('proto.json', withPolicy('"__proto__":{"x":1},"policy":')),
    message: /"__proto__" is not allowed as a key/,
  },
  {
    name: 'a "constructor" key',
    file: () => scratch.write('ctor.json', withPolicy('"constructor":{"x":1},"policy":')),
    message: /"constructor" is not allowed as a key/,
  },
  {
    name: 'an unknown operator',
    file: () =>
      scratch.write(
        'op.json',
        exampleText.replace(/"operator"\s*:\s*"[^"]+"/, '"operator":"evalThis"'),
      ),
    message: /unknown operator "evalThis"/,
  },
  {
    name: 'Infinity (1e999)',
    file: () =>
      scratch.write('inf.json', exampleText.replace(/"acceptAt"\s*:\s*\d+/, '"acceptAt":1e999')),
    message: /policy\.acceptAt: .*Infinity/,
  },
  {
    name: 'a missing file',
    file: () => scratch.path('missing.json'),
    message: /missing\.json: no such ruleset file/,
  },
  {
    name: 'a path out of the folder that is not a ruleset',
    file: () => join(scratch.path(''), '../../../etc/hostname'),
    message: /not valid JSON|no such ruleset file/,
  },
]

describe('leadgate validate with hostile ruleset files', () => {
  for (const bad of badRulesets) {
    it(`exits 1 on ${bad.name}, naming the problem`, () => {
      const run = runCli(['validate', bad.file()])
      expect(run.code).toBe(1)
      expect(run.stdout + run.stderr).toMatch(bad.message)
    })
  }
})

describe('leadgate evaluate with hostile lead lines', () => {
  it('skips unsafe, broken and oversized lines with a message each, decides the rest, exits 1', () => {
    const input = scratch.write(
      'leads.ndjson',
      [
        '{"id":"a"}',
        '{"id":"b","company":{"__proto__":{"x":1}}}',
        '{"id":"c","prototype":1}',
        deep(10_000),
        'not json',
        '{"id":"e","company":{"employees":1e999}}',
        '[1,2]',
        `{"id":"f","notes":"${'x'.repeat(2_000_000)}"}`,
        '{"id":"g"}',
      ].join('\n'),
    )
    const out = scratch.path('out.ndjson')
    const run = runCli(['evaluate', '-r', example, '-i', input, '-o', out])
    expect(run.code).toBe(1)
    const decided = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { leadId: string }).leadId)
    expect(decided).toEqual(['a', 'f', 'g'])
    expect(run.stderr + run.stdout).toContain('6 rows were not leads and were skipped')
    expect(run.stderr + run.stdout).toContain(
      '"__proto__" is not allowed as a key (at company.__proto__)',
    )
    expect(run.stderr + run.stdout).toContain('"prototype" is not allowed as a key (at prototype)')
    expect(run.stderr + run.stdout).toContain('nests deeper than 64 levels')
    expect(run.stderr + run.stdout).toContain(
      'the number at company.employees is too large to represent',
    )
  })

  it('stops at invalid UTF-8 with exit 1 and the byte it found', () => {
    const input = scratch.write('bad-utf8.ndjson', Buffer.from('{"id":"\xc3\x28"}\n', 'latin1'))
    const run = runCli(['evaluate', '-r', example, '-i', input, '-q'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('not valid utf8 text at line 1 (byte 7, 0xc3)')
  })

  it('answers an unknown option with exit 2', () => {
    expect(runCli(['evaluate', '--no-such-option']).code).toBe(2)
  })
})
