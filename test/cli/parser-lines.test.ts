import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { fileLineOf, withFileLine } from '../../cli/input/parser-lines.ts'

/** csv-parse's line for the bad row, and the line an editor shows it on. */
function lines(text: string, recordDelimiter: string) {
  let parserLine = 0
  try {
    parse(text, { relax_column_count: true, record_delimiter: recordDelimiter })
  } catch (error) {
    parserLine = (error as { lines: number }).lines
  }
  return { parserLine, fileLine: text.slice(0, text.indexOf('"bad"')).split('\n').length }
}

describe('fileLineOf', () => {
  const cases: [string, string, string][] = [
    ['CR LF in quotes, CRLF rows', 'a,b\r\n"x\r\ny",c\r\n"bad"x,d\r\n', '\r\n'],
    ['bare CR in quotes, CRLF rows', 'a,b\r\n"x\ry",c\r\n"bad"x,d\r\n', '\r\n'],
    ['LF in quotes, CRLF rows', 'a,b\r\n"x\ny",c\r\n"bad"x,d\r\n', '\r\n'],
    ['bare CR in quotes, LF rows', 'a,b\n"x\ry",c\n"bad"x,d\n', '\n'],
    ['CR LF in quotes, LF rows', 'a,b\n"x\r\ny",c\n"bad"x,d\n', '\n'],
    ['two cells with CR LF', 'a,b\n"1\r\n2","3\r\n4"\n"x\r\ny",c\n"bad"x,d\n', '\n'],
    ['no line breaks in quotes', 'a,b\n"x",c\ne,f\n"bad"x,d\n', '\n'],
  ]
  for (const [name, text, recordDelimiter] of cases) {
    it(`tells csv-parse's line as the file's: ${name}`, () => {
      const { parserLine, fileLine } = lines(text, recordDelimiter)
      expect(parserLine).toBeGreaterThan(0)
      expect(fileLineOf(Buffer.from(text), parserLine)).toBe(fileLine)
    })
  }

  it('answers the last line when the text ends before the parser line', () => {
    expect(fileLineOf(Buffer.from('a\nb\n'), 9)).toBe(3)
  })

  it('puts the line into the message', () => {
    expect(withFileLine('Quote Not Closed: opening quote at line 5', 4)).toBe(
      'Quote Not Closed: opening quote at line 4',
    )
  })
})
