import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { writeLeadsCsv } from '../bench/generate-leads.ts'
import { remainingTime } from '../../cli/output/progress.ts'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const leads = folder.path('leads.csv')
await writeLeadsCsv(leads, 5000)
const args = [
  'evaluate',
  '-r',
  'rulesets/b2b-inbound.json',
  '-i',
  leads,
  '-o',
  folder.path('out.ndjson'),
  '--workers',
  '0',
]

describe('progress bar', () => {
  it('shows progress with rate and ETA on a terminal', () => {
    // `script` gives the CLI a pseudo-terminal, as a person running it has.
    const command = [process.execPath, 'bin/leadgate.js', ...args]
      .map((arg) => `'${arg}'`)
      .join(' ')
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/100% \| 5000 leads \| \d+ leads\/s \| ETA 0s/)
    expect(run.stdout).toContain('5,000 leads decided by b2b-inbound v1')
  })

  it('reaches 100% with worker threads parsing the file in ranges', () => {
    const command = [process.execPath, 'bin/leadgate.js', ...args.slice(0, -2), '--workers', '2']
      .map((arg) => `'${arg}'`)
      .join(' ')
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/100% \| 5000 leads \| \d+ leads\/s \| ETA 0s/)
    expect(run.stdout).toContain('5,000 leads decided by b2b-inbound v1')
    expect(run.stdout).toContain('on 2 worker threads')
  })

  it('stays silent when stderr is not a terminal', () => {
    const run = runCli(args)
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('ETA')
    expect(run.stderr).toContain('5,000 leads decided by b2b-inbound v1')
  })
})

describe('remaining time', () => {
  it('extrapolates the pace so far to what is left', () => {
    expect([
      remainingTime(10, 50, 100),
      remainingTime(10, 10, 200),
      remainingTime(30, 1, 500),
      remainingTime(5, 100, 100),
    ]).toEqual(['10s', '3m 10s', '4h 09m', '0s'])
  })

  it('says nothing yet before there is a pace', () => {
    expect([remainingTime(0, 0, 100), remainingTime(3, 0, 100), remainingTime(3, 5, 0)]).toEqual([
      '…',
      '…',
      '…',
    ])
  })
})
