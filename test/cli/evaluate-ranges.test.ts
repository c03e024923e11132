import { afterAll, describe, expect, it } from 'vitest'
import { runCli, scratchFolder } from './run-cli.ts'

// With worker threads, a CSV file is cut into ranges of ~16 KB that the workers parse
// themselves; in one thread (--workers 0) it is streamed through the main thread. The files
// here span many ranges, so rows, quotes and errors fall on both sides of range cuts.
const folder = scratchFolder()
afterAll(() => folder.remove())
const ruleset = 'rulesets/b2b-inbound.json'
const now = '2026-01-01T00:00:00.000Z'
const titles = ['"VP, ""Sales""\r\nEMEA"', 'Owner', '"Director\nof IT"', '', 'Intern']

/** A CSV of `count` leads with quoted commas, quotes and line breaks, ragged and blank rows. */
function leadsCsv(count: number, lineEnd: string): string {
  const rows = ['id,contact.title,company.employees,company.country']
  for (let at = 1; at <= count; at++) {
    if (at % 97 === 0) rows.push(',,,')
    const row = [`L${at}`, titles[at % titles.length]!, String((at * 37) % 900), 'US']
    rows.push((at % 50 === 0 ? row.slice(0, 3) : row).join(','))
  }
  return `\uFEFF${rows.join(lineEnd)}${lineEnd}`
}

/** Runs both ways; answers [one thread, workers]. */
function bothWays(file: string, more: string[] = []) {
  const args = ['evaluate', '-r', ruleset, '-i', file, '--now', now, ...more]
  return [runCli([...args, '--workers', '0']), runCli([...args, '--workers', '2'])] as const
}

/** The summary without its first line, which has the time taken and the threads. */
const summaryTables = (stderr: string) => stderr.trim().split('\n').slice(1).join('\n')

describe('leadgate evaluate on worker threads that parse the file themselves', () => {
  it('writes the same bytes and summary as one thread, CRLF rows with quoted line breaks', () => {
    const file = folder.write('crlf.csv', leadsCsv(3000, '\r\n'))
    const [single, pooled] = bothWays(file, ['--trace'])
    expect(pooled.code).toBe(0)
    expect(pooled.stdout.split('\n').length - 1).toBe(3000)
    expect(pooled.stdout === single.stdout).toBe(true)
    expect(summaryTables(pooled.stderr)).toBe(summaryTables(single.stderr))
    expect(pooled.stderr).toContain('60 rows had more or fewer cells than the header')
    expect(pooled.stderr).toContain('on 2 worker threads')
  })

  it('writes the same bytes as one thread for LF rows, TSV and CSV output', () => {
    const file = folder.write('lf.csv', leadsCsv(2000, '\n'))
    const [single, pooled] = bothWays(file, ['-q'])
    expect(pooled.stdout === single.stdout).toBe(true)
    const tsv = folder.write('leads.tsv', leadsCsv(2000, '\n').replaceAll(',', '\t'))
    const [singleTsv, pooledTsv] = bothWays(tsv, ['-q', '--format', 'csv'])
    expect(pooledTsv.code).toBe(0)
    expect(pooledTsv.stdout.startsWith('lead_id,outcome,score,top_reason')).toBe(true)
    expect(pooledTsv.stdout === singleTsv.stdout).toBe(true)
  })

  it('names the same line and byte for text that is not UTF-8 far into the file', () => {
    const good = leadsCsv(1500, '\n')
    const file = folder.write(
      'latin1-late.csv',
      Buffer.concat([
        Buffer.from(good),
        Buffer.from('L9999,Directeur G\xe9n\xe9ral,10,FR\n', 'latin1'),
      ]),
    )
    const [single, pooled] = bothWays(file)
    const lines = good.split('\n').length
    const message = `not valid utf8 text at line ${lines} (byte ${Buffer.byteLength(good) + 17}, 0xe9)`
    expect(single.stderr).toContain(message)
    expect(pooled.code).toBe(1)
    expect(pooled.stderr).toContain(message)
  })

  // Quoted cells before the error hold CR LF and LF line breaks: csv-parse counts the CR as a
  // line too; both ways name the line an editor shows.
  it('names the file line of a quote error far into the file, after cells with line breaks', () => {
    for (const lineEnd of ['\n', '\r\n']) {
      const good = leadsCsv(1500, lineEnd)
      const name = `bad-quote-${lineEnd.length}.csv`
      const file = folder.write(
        name,
        `${good}L9999,"VP" Sales,10,US${lineEnd}L10000,Owner,5,US${lineEnd}`,
      )
      const [single, pooled] = bothWays(file)
      const line = good.split('\n').length
      expect(single.code).toBe(1)
      expect(single.stderr).toContain(`Invalid Closing Quote: got " " at line ${line} instead`)
      expect(pooled.code).toBe(1)
      expect(pooled.stderr.trim()).toBe(single.stderr.trim())
    }
  })

  it('reports a quote left open at the end of the file as one thread does', () => {
    const file = folder.write('open-quote-late.csv', `${leadsCsv(1500, '\n')}L9999,"VP Sales,10\n`)
    const [single, pooled] = bothWays(file)
    expect(pooled.code).toBe(1)
    expect(pooled.stderr).toMatch(/^leadgate: .*open-quote-late\.csv: Quote Not Closed/m)
    expect(pooled.stderr.trim()).toBe(single.stderr.trim())
  })

  it('refuses a header that names a column twice before starting any worker', () => {
    const file = folder.write(
      'twice-ranges.csv',
      'id,company.employees,company.employees\nL1,1,2\n',
    )
    const [, pooled] = bothWays(file)
    expect(pooled.code).toBe(1)
    expect(pooled.stderr).toContain('the header names column "company.employees" twice; rename one')
  })
})
