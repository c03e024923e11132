import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import { csvParseOptions } from '../../cli/input/csv-options.ts'
import { openCsvRanges, type CsvRange } from '../../cli/input/csv-ranges.ts'
import { firstLineEnd, lastRowEnd } from '../../cli/input/row-boundary.ts'
import { scratchFolder } from './run-cli.ts'

const folder = scratchFolder()
afterAll(() => folder.remove())

async function rangesOf(file: string, rangeBytes: number): Promise<CsvRange[]> {
  const reader = await openCsvRanges(file, ',', rangeBytes)
  if (!reader) throw new Error('not read in ranges')
  const ranges: CsvRange[] = []
  for await (const range of reader.ranges)
    ranges.push({ ...range, bytes: Buffer.from(range.bytes) })
  return ranges
}

describe('row boundaries', () => {
  it('finds the last line end outside quotes', () => {
    const bytes = Buffer.from('a,"x\ny"\nb,"c\nd')
    expect(lastRowEnd(bytes, bytes.length, '\n')).toBe(8)
  })

  it('counts a doubled quote as text, not as the end of the quoted cell', () => {
    const bytes = Buffer.from('a,"say ""hi""\n"\nb,c\n')
    expect(lastRowEnd(bytes, bytes.length, '\n')).toBe(bytes.length)
    expect(lastRowEnd(bytes, 16, '\n')).toBe(16)
    expect(lastRowEnd(bytes, 15, '\n')).toBe(-1)
  })

  it('ends CRLF rows only at CR LF: a bare LF is cell text there', () => {
    const bytes = Buffer.from('a,b\r\nc\nd,e')
    expect(lastRowEnd(bytes, bytes.length, '\r\n')).toBe(5)
    expect(lastRowEnd(bytes, bytes.length, '\n')).toBe(7)
  })

  it('answers -1 when no row ends in the bytes', () => {
    const bytes = Buffer.from('"one long\nquoted cell')
    expect(lastRowEnd(bytes, bytes.length, '\n')).toBe(-1)
  })

  it('finds the header line end and its kind', () => {
    const bytes = Buffer.from('id,"a\nb"\r\nL1,2')
    expect(firstLineEnd(bytes, 0, bytes.length)).toEqual({ end: 10, delimiter: '\r\n' })
    expect(firstLineEnd(Buffer.from('id,x'), 0, 4)).toBeUndefined()
  })
})

describe('reading a CSV file in ranges', () => {
  const rows = Array.from({ length: 40 }, (_, at) =>
    at % 3 === 0 ? `L${at},"VP, ""Sales""\nEMEA",${at * 10}` : `L${at},Owner,${at}`,
  )
  const text = `\uFEFFid,contact.title,company.employees\r\n${rows.join('\r\n')}\r\n`
  const file = folder.write('ranges.csv', text)

  it('reads the header and cuts the rest into whole rows, quoted line breaks kept', async () => {
    const reader = await openCsvRanges(file, ',', 64)
    expect(reader!.header).toEqual(['id', 'contact.title', 'company.employees'])
    expect(reader!.recordDelimiter).toBe('\r\n')
    expect(reader!.headerLineFeeds).toBe(1)
    await reader!.close()
    const ranges = await rangesOf(file, 64)
    expect(ranges.length).toBeGreaterThan(10)
    const options = csvParseOptions(',', '\r\n')
    const parsed = ranges.flatMap((range) => parse(range.bytes, options) as string[][])
    const whole = parse(Buffer.from(text), csvParseOptions(',')) as string[][]
    expect(parsed).toEqual(whole.slice(1))
    expect(parsed[3]).toEqual(['L3', 'VP, "Sales"\nEMEA', '30'])
  })

  it('gives ranges that follow each other exactly through the file', async () => {
    const ranges = await rangesOf(file, 64)
    const bytes = Buffer.from(text)
    const header = bytes.indexOf('\r\n') + 2
    expect(ranges[0]!.start).toBe(header)
    ranges.forEach((range, at) => {
      const next = ranges[at + 1]
      if (next) expect(next.start).toBe(range.start + range.bytes.length)
      expect(
        range.bytes.equals(bytes.subarray(range.start, range.start + range.bytes.length)),
      ).toBe(true)
    })
    const last = ranges.at(-1)!
    expect(last.start + last.bytes.length).toBe(bytes.length)
  })

  it('grows a range for a row longer than a range', async () => {
    const long = `"${'x'.repeat(300)}\n${'y'.repeat(300)}"`
    const path = folder.write('long.csv', `id,contact.title\nL1,${long}\nL2,Owner\n`)
    const ranges = await rangesOf(path, 16)
    const parsed = ranges.flatMap((range) => parse(range.bytes, csvParseOptions(',', '\n')))
    expect(parsed).toEqual([
      ['L1', `${'x'.repeat(300)}\n${'y'.repeat(300)}`],
      ['L2', 'Owner'],
    ])
  })

  it('reads past blank lines before the header, counting them', async () => {
    const path = folder.write('blank-first.csv', '\n\nid,company.employees\nL1,5\n')
    const reader = await openCsvRanges(path, ',')
    expect(reader!.header).toEqual(['id', 'company.employees'])
    expect(reader!.headerLineFeeds).toBe(3)
    await reader!.close()
  })

  it('leaves files it does not suit to the streaming reader', async () => {
    const cases = {
      'empty.csv': '',
      'no-line-end.csv': 'id,company.employees',
      'bare-cr.csv': 'id,company.employees\rL1,5\r',
      'utf16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\n', 'utf16le')]),
      'latin1-header.csv': Buffer.from('id,soci\xe9t\xe9\nL1,x\n', 'latin1'),
    }
    for (const [name, content] of Object.entries(cases)) {
      expect(await openCsvRanges(folder.write(name, content), ','), name).toBeUndefined()
    }
  })
})
