import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvParseOptions } from '../../cli/input/csv-options.ts'
import { plainRows } from '../../cli/input/plain-rows.ts'
import type { RecordDelimiter } from '../../cli/input/row-boundary.ts'

/** What the worker would otherwise read: csv-parse with leadgate's options, or its error. */
function csvParse(text: string, delimiter: string, recordDelimiter: RecordDelimiter) {
  try {
    return parse(text, csvParseOptions(delimiter, recordDelimiter)) as string[][]
  } catch {
    return 'error'
  }
}

/** A cell as it may appear in a file: plain, well quoted, or with a stray quote or line end. */
const cell = (delimiter: string) =>
  fc.oneof(
    fc.stringMatching(/^[a-z ]{0,4}$/),
    fc
      .array(fc.constantFrom('a', ' ', delimiter, '"', '\n', '\r', '\r\n'), { maxLength: 5 })
      .map((parts) => `"${parts.join('').replaceAll('"', '""')}"`),
    fc
      .array(fc.constantFrom('a', delimiter, '"', '\r', '\n', '\uFEFF'), { maxLength: 4 })
      .map((parts) => parts.join('')),
  )

const file = (delimiter: string, recordDelimiter: RecordDelimiter) =>
  fc
    .array(fc.array(cell(delimiter), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((rows) => rows.map((cells) => cells.join(delimiter) + recordDelimiter).join(''))

describe('plainRows', () => {
  for (const [delimiter, recordDelimiter] of [
    [',', '\n'],
    [',', '\r\n'],
    ['\t', '\n'],
    [';', '\r\n'],
  ] as const) {
    it(`reads what it accepts exactly as csv-parse does (${JSON.stringify(delimiter)}, ${JSON.stringify(recordDelimiter)})`, () => {
      let read = 0
      fc.assert(
        fc.property(file(delimiter, recordDelimiter), (text) => {
          const rows = plainRows(text, delimiter, recordDelimiter)
          if (rows === undefined) return
          read++
          expect(rows).toEqual(csvParse(text, delimiter, recordDelimiter))
        }),
        { numRuns: 3000, seed: 20261123 },
      )
      // The fast path must be taken often, or the property says nothing.
      expect(read).toBeGreaterThan(300)
    })
  }

  it('reads quoted delimiters, doubled quotes and line ends inside quotes', () => {
    const text = 'L1,"Acme, Inc.","say ""hi"""\r\nL2,"two\nlines",x\r\n'
    expect(plainRows(text, ',', '\r\n')).toEqual([
      ['L1', 'Acme, Inc.', 'say "hi"'],
      ['L2', 'two\nlines', 'x'],
    ])
  })

  it('leaves out empty lines and rows of blank cells, and keeps ragged rows', () => {
    expect(plainRows('L1,5\n\n,,\n"",\n , \t\nL2\nL3,1,2\n', ',', '\n')).toEqual([
      ['L1', '5'],
      ['L2'],
      ['L3', '1', '2'],
    ])
  })

  it('reads a quoted cell of 20 million characters, and one of a million doubled quotes', () => {
    const long = 'x'.repeat(20_000_000)
    expect(plainRows(`L1,"${long}",5\n`, ',', '\n')).toEqual([['L1', long, '5']])
    const quotes = 'a""'.repeat(1_000_000)
    expect(plainRows(`L2,"${quotes}"\n`, ',', '\n')).toEqual([['L2', 'a"'.repeat(1_000_000)]])
  })

  it('leaves to csv-parse a stray quote, a quote before a cell end, a bare line end, or a byte order mark', () => {
    expect(plainRows('L1,Acme "Inc"\n', ',', '\n')).toBeUndefined()
    expect(plainRows('L1,"Acme" Inc\n', ',', '\n')).toBeUndefined()
    expect(plainRows('L1,"unclosed\n', ',', '\n')).toBeUndefined()
    expect(plainRows('L1,a\rb\n', ',', '\n')).toBeUndefined()
    expect(plainRows('L1,a\nb\r\n', ',', '\r\n')).toBeUndefined()
    expect(plainRows('\uFEFFL1,a\n', ',', '\n')).toBeUndefined()
    expect(plainRows('L1|a\n', '||', '\n')).toBeUndefined()
  })
})
