import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import { ndjson, outcomeCounts, runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const xEducation = '../shared/data/x-education-leads/leads.csv'

describe('leadgate evaluate on the sample data', () => {
  it('decides the 9,240 X Education leads with the pinned counts, in input order', () => {
    const out = folder.path('x-education.csv')
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/x-education.json',
      '-m',
      'rulesets/x-education.mapping.json',
      '-i',
      xEducation,
      '-o',
      out,
      '--columns',
      'id=Prospect ID,outcome,score',
    ])
    expect(run.code).toBe(0)
    const rows: Record<string, string>[] = parse(readFileSync(out), { columns: true })
    const source: Record<string, string>[] = parse(readFileSync(xEducation), { columns: true })
    expect(rows.map((row) => row['Prospect ID'])).toEqual(source.map((row) => row['Prospect ID']))
    expect(outcomeCounts(rows)).toEqual({ accepted: 1704, nurture: 4769, rejected: 2767 })
    expect(run.stderr).toContain(
      'Country → contact.country: 7 (e.g. "Asia/Pacific Region", "unknown")',
    )
  })

  it('gives the same bytes on worker threads as in one thread', () => {
    const common = [
      'evaluate',
      '-r',
      'rulesets/x-education.json',
      '-m',
      'rulesets/x-education.mapping.json',
      '-i',
      xEducation,
      '--now',
      '2026-01-01T00:00:00Z',
      '-q',
    ]
    const single = runCli([...common, '--workers', '0'])
    const pooled = runCli([...common, '--workers', '2'])
    expect(pooled.code).toBe(0)
    expect(pooled.stdout.length).toBeGreaterThan(1_000_000)
    expect(pooled.stdout === single.stdout).toBe(true)
  })

  it('decides the 22 Salesforce sample leads through the salesforce preset', () => {
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/b2b-inbound.json',
      '-m',
      'salesforce',
      '-q',
      '-i',
      '../shared/data/salesforce-sample-leads/Lead.json',
    ])
    expect(run.code).toBe(0)
    const decisions = ndjson(run.stdout)
    expect(outcomeCounts(decisions)).toEqual({ nurture: 20, rejected: 2 })
    expect(
      decisions
        .filter((decision) => decision.outcome === 'rejected')
        .map((decision) => decision.leadId),
    ).toEqual(['LeadRef11', 'LeadRef17'])
  })

  it('reads a HubSpot contact export with company columns through the hubspot preset', () => {
    const file = folder.write(
      'hubspot.csv',
      'Record ID,jobtitle,email,country,numemployees,company.numberofemployees,company.industry,annualrevenue\r\n' +
        '101,VP Operations,ana@northwind-mfg.com,United States,1000+,2400,MACHINERY,$250M\r\n' +
        '102,Student,bo@gmail.com,India,1-5,,,\r\n',
    )
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/b2b-inbound.json',
      '-m',
      'hubspot',
      '-i',
      file,
      '--trace',
      '-q',
    ])
    expect(run.code).toBe(0)
    const [first, second] = ndjson(run.stdout)
    const actual = (decision: Record<string, unknown>, fact: string) =>
      (decision.trace as { fact?: string; actual?: unknown }[]).find((entry) => entry.fact === fact)
        ?.actual
    expect([
      first!.leadId,
      actual(first!, 'company.employees'),
      actual(first!, 'company.industry'),
      actual(first!, 'company.region'),
    ]).toEqual(['101', 2400, 'manufacturing', 'NA'])
    expect([second!.leadId, second!.outcome, actual(second!, 'company.employees')]).toEqual([
      '102',
      'rejected',
      1,
    ])
  })

  it('reads NDJSON leads from standard input, skipping lines that are not leads', () => {
    const input = [
      '{"id":"N1","company":{"employees":12,"country":"US"}}',
      '',
      '{"id":"N2",',
      '[1,2]',
      '{"id":"N3","company":{"employees":900,"country":"DE"},"bant":{"budget":50000}}',
    ].join('\r\n')
    const run = runCli(['evaluate', '-r', 'rulesets/b2b-inbound.json', '-i', '-'], input)
    expect(run.code).toBe(1)
    expect(ndjson(run.stdout).map((decision) => [decision.leadId, decision.outcome])).toEqual([
      ['N1', 'rejected'],
      ['N3', 'rejected'],
    ])
    expect(run.stderr).toContain('2 rows were not leads and were skipped:')
    expect(run.stderr).toContain('  row 3: not JSON (')
    expect(run.stderr).toContain('  row 4: a lead must be a JSON object, found a list')
  })

  it('reads a JSON array of leads', () => {
    const file = folder.write(
      'leads.json',
      JSON.stringify([{ id: 1, company: { employees: 5 } }, { id: 2 }]),
    )
    const run = runCli(['evaluate', '-r', 'rulesets/b2b-inbound.json', '-i', file, '-q'])
    expect(run.code).toBe(0)
    expect(ndjson(run.stdout).map((decision) => [decision.leadId, decision.outcome])).toEqual([
      [1, 'rejected'],
      [2, 'nurture'],
    ])
  })

  it('attaches conversion problems to the decision and counts them per column', () => {
    const file = folder.write(
      'problems.csv',
      'Id,NumberOfEmployees,Country\n00Q1,lots,Atlantis\n00Q2,"1,200",USA\n',
    )
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/b2b-inbound.json',
      '-m',
      'salesforce',
      '-i',
      file,
    ])
    expect(run.code).toBe(0)
    const [first, second] = ndjson(run.stdout)
    expect(first!.problems).toEqual([
      {
        column: 'Country',
        fact: 'contact.country',
        value: 'Atlantis',
        message: '"Atlantis" is not a country name or code',
      },
      {
        column: 'NumberOfEmployees',
        fact: 'company.employees',
        value: 'lots',
        message: '"lots" is not a number',
      },
      {
        column: 'Country',
        fact: 'company.country',
        value: 'Atlantis',
        message: '"Atlantis" is not a country name or code',
      },
    ])
    expect(second!.problems).toBeUndefined()
    expect(run.stderr).toContain(
      '1 leads had values that could not be read; those facts were left unknown:',
    )
    expect(run.stderr).toContain('  NumberOfEmployees → company.employees: 1 (e.g. "lots")')
  })

  it('exits 1 with --strict when a value could not be converted', () => {
    const file = folder.write('strict.csv', 'Id,NumberOfEmployees\n00Q1,lots\n')
    const run = runCli([
      'evaluate',
      '-r',
      'rulesets/b2b-inbound.json',
      '-m',
      'salesforce',
      '-i',
      file,
      '--strict',
      '-q',
    ])
    expect(run.code).toBe(1)
    expect(ndjson(run.stdout)).toHaveLength(1)
  })
})
