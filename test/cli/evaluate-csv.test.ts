import { existsSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { ndjson, runCli, scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())
const ruleset = 'rulesets/b2b-inbound.json'
const now = '2026-01-01T00:00:00.000Z'

/** The value the trace shows for a fact: what the CLI read from the file. */
function actualOf(decision: Record<string, unknown>, fact: string): unknown {
  const trace = decision.trace as { fact?: string; actual?: unknown }[]
  return trace.find((entry) => entry.fact === fact)?.actual
}

describe('leadgate evaluate on CSV', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const file = folder.write(
      'quoted.csv',
      'id,contact.title,company.employees\n"L1","VP, ""Sales""\nEMEA","1,200"\n',
    )
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '--trace', '--now', now, '-q'])
    expect(run.code).toBe(0)
    const [decision] = ndjson(run.stdout)
    expect(decision!.leadId).toBe('L1')
    expect(actualOf(decision!, 'contact.title')).toBe('VP, "Sales"\nEMEA')
    expect(actualOf(decision!, 'company.employees')).toBe(1200)
  })

  it('drops a byte order mark and reads CRLF line ends', () => {
    const file = folder.write('bom.csv', '\uFEFFid,company.employees\r\nL7,300\r\nL8,20\r\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '--trace', '-q'])
    expect(run.code).toBe(0)
    const decisions = ndjson(run.stdout)
    expect(decisions.map((decision) => decision.leadId)).toEqual(['L7', 'L8'])
    expect(decisions.map((decision) => actualOf(decision, 'company.employees'))).toEqual([300, 20])
  })

  it('reads rows with missing or extra cells, and says so in the summary', () => {
    const file = folder.write(
      'ragged.csv',
      'id,company.employees,company.country\nL1,300\nL2,20,US,extra\nL3,60,DE\n',
    )
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '--now', now])
    expect(run.code).toBe(0)
    expect(ndjson(run.stdout).map((decision) => decision.leadId)).toEqual(['L1', 'L2', 'L3'])
    expect(run.stderr).toContain(
      '2 rows had more or fewer cells than the header; missing cells were read as blank',
    )
  })

  it('skips rows with nothing but blanks, as spreadsheets leave them', () => {
    const file = folder.write('blank-rows.csv', 'id,company.employees\n,\nL1,5\n , \n\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '-q'])
    expect(run.code).toBe(0)
    expect(ndjson(run.stdout).map((decision) => decision.leadId)).toEqual(['L1'])
  })

  it('names a column the mapping needs that the file lacks', () => {
    const file = folder.write('sf.csv', 'Id,Title,Country\n00Q1,VP Sales,USA\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '-m', 'salesforce'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      'warning: no column "NumberOfEmployees": company.employees is unknown for every lead',
    )
  })

  it('answers an empty file with no decisions and exit code 0', () => {
    const file = folder.write('empty.csv', '')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`warning: ${file} has no leads`)
  })

  it('answers a header without rows with no decisions and exit code 0', () => {
    const file = folder.write('header-only.csv', 'id,company.employees\r\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('0 leads decided by b2b-inbound v1')
  })

  it('stops on text that is not UTF-8, naming the line, and leaves no output file', () => {
    const file = folder.write(
      'latin1.csv',
      Buffer.concat([
        Buffer.from('id,contact.title\nL1,VP\nL2,Directeur G'),
        Buffer.from([0xe9]),
        Buffer.from('n\xe9ral\n', 'latin1'),
      ]),
    )
    const out = folder.path('latin1.ndjson')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file, '-o', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`leadgate: ${file}: not valid utf8 text at line 3 (byte 37, 0xe9)`)
    expect(run.stderr).toContain('--encoding latin1')
    expect(existsSync(out)).toBe(false)
  })

  it('reads a Latin-1 file when told its encoding', () => {
    const file = folder.write(
      'latin1-ok.csv',
      Buffer.from('id,contact.title\nL2,Directeur Général\n', 'latin1'),
    )
    const run = runCli([
      'evaluate',
      '-r',
      ruleset,
      '-i',
      file,
      '--encoding',
      'latin1',
      '--trace',
      '-q',
    ])
    expect(run.code).toBe(0)
    expect(actualOf(ndjson(run.stdout)[0]!, 'contact.title')).toBe('Directeur Général')
  })

  it('reports an unclosed quote as invalid input', () => {
    const file = folder.write('open-quote.csv', 'id,contact.title\nL1,"VP Sales\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^leadgate: .*open-quote\.csv: Quote Not Closed/m)
  })

  it('refuses a header that names a column twice', () => {
    const file = folder.write('twice.csv', 'id,company.employees,company.employees\nL1,1,2\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('the header names column "company.employees" twice; rename one')
  })

  it('refuses a header with no lead fact without a mapping', () => {
    const file = folder.write('plain.csv', 'First Name,Employees\nAnn,300\n')
    const run = runCli(['evaluate', '-r', ruleset, '-i', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'no column names a lead fact (such as "company.employees"); pass --map',
    )
  })

  it('reads CSV from standard input with --in -', () => {
    const run = runCli(
      ['evaluate', '-r', ruleset, '-i', '-', '-q'],
      'id,company.employees\nS1,10\n',
    )
    expect(run.code).toBe(0)
    expect(ndjson(run.stdout).map((decision) => [decision.leadId, decision.outcome])).toEqual([
      ['S1', 'rejected'],
    ])
  })

  it('writes a CSV a CRM import accepts, with the column names asked for', () => {
    const file = folder.write('crm.csv', 'id,contact.title,company.employees\nL1,"VP, Sales",12\n')
    const out = folder.path('decisions.csv')
    const run = runCli([
      'evaluate',
      '-r',
      ruleset,
      '-i',
      file,
      '-o',
      out,
      '-q',
      '--columns',
      'id=Id,outcome=Lead_Status__c,score=Score__c,reasons=Reasons__c,version',
    ])
    expect(run.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(
      'Id,Lead_Status__c,Score__c,Reasons__c,version\r\n' +
        'L1,rejected,20,"Company has 12 employees; at least 50 required (sales: below 50 seats the deal is under our minimum contract value) | ' +
        'Region unknown, lead sent to nurture until it is known (sales: we have account executives and support only in North America and EMEA) | ' +
        'Budget unknown, lead sent to nurture until it is known (sales: the smallest package costs $10,000 a year) | ' +
        '+20 points: Job title ""VP, Sales"" mentions ""vp""; Seniority is Vice president (marketing: directors and above sign for enterprise roll-outs)",1\r\n',
    )
  })
})
