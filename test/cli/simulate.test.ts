import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())

/** The X Education ruleset with the time-on-site bar raised from 10 to 15 minutes. */
function draftFile(): string {
  const draft = JSON.parse(readFileSync('rulesets/x-education.json', 'utf8'))
  draft.version = 2
  draft.status = 'draft'
  draft.policy.minSegmentSize = 250
  const rule = draft.rules.find((candidate: { id: string }) => candidate.id === 'read-course-pages')
  rule.when.all[0].value = 900
  return folder.write('draft.json', JSON.stringify(draft))
}

describe('leadgate simulate', () => {
  const run = runCli([
    'simulate',
    '-r',
    draftFile(),
    '-b',
    'rulesets/x-education.json',
    '-i',
    '../shared/data/x-education-leads/leads.csv',
    '-m',
    'rulesets/x-education.mapping.json',
    '--segment',
    'engagement.origin',
    '--json',
    folder.path('impact.json'),
  ])

  it('prints outcome counts before and after', () => {
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      [
        'outcome   before  after  change',
        'accepted   1,704  1,602    -102',
        'nurture    4,769  4,755     -14',
        'rejected   2,767  2,883    +116',
      ].join('\n'),
    )
  })

  it('lists the flips with the rule that flipped them', () => {
    expect(run.stdout).toContain(
      [
        'flips (218 leads)   leads  flipped by',
        'nurture → rejected    116  read-course-pages (116)',
        'accepted → nurture    102  read-course-pages (102)',
      ].join('\n'),
    )
  })

  it('warns about a segment that becomes too small for a campaign', () => {
    expect(run.stdout).toContain(
      'warning: engagement.origin = api: accepted leads fall from 258 to 236, below the minimum segment size of 250',
    )
  })

  it('writes the full report as JSON', () => {
    const impact = JSON.parse(readFileSync(folder.path('impact.json'), 'utf8'))
    expect(impact.leads).toBe(9240)
    expect(
      impact.flips.map((flip: { from: string; to: string; count: number }) => [
        flip.from,
        flip.to,
        flip.count,
      ]),
    ).toEqual([
      ['nurture', 'rejected', 116],
      ['accepted', 'nurture', 102],
    ])
    expect(impact.examples).toHaveLength(20)
  })
})
