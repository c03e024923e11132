import { describe, expect, it } from 'vitest'
import {
  compileMapping,
  ConversionTally,
  countryCode,
  mappingFromHeader,
  fieldCatalog,
  parseQuantity,
  type FactColumnInput,
} from '../../engine/index.ts'

/** Maps one cell through a one-fact mapping and answers the fact or the problem message. */
function convert(spec: Omit<FactColumnInput, 'column'>, cell: unknown, missing: string[] = []) {
  const mapper = compileMapping({ missing, facts: { 'x.value': { column: 'cell', ...spec } } })
  const { lead, problems } = mapper.map({ cell })
  if (problems.length > 0) return { problem: problems[0]!.message }
  return (lead as { x?: { value: unknown } }).x?.value
}

describe('number parsing', () => {
  it.each([
    ['1,200', 1200],
    ['$2.5M', 2_500_000],
    ['2.5 million', 2_500_000],
    ['12k', 12_000],
    ['€ 3bn', 3_000_000_000],
    ['-5', -5],
    ['0', 0],
    ['1e3', 1000],
    [' 42 ', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseQuantity(text)).toEqual({ kind: 'number', value })
  })

  it.each([
    ['50-200', 50, 200],
    ['50 – 200', 50, 200],
    ['50 to 200', 50, 200],
    ['$1M - $10M', 1e6, 1e7],
    ['1000+', 1000, undefined],
    ['<1M', 0, 1e6],
  ])('reads %j as a range', (text, low, high) => {
    expect(parseQuantity(text)).toEqual({ kind: 'range', low, high })
  })

  it.each(['1,5', 'lots', '12 apples', '200-50', '', '1,2345'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined()
  })

  it('leaves a blank number missing, never 0', () => {
    expect(convert({ type: 'number' }, '   ')).toBeUndefined()
  })

  it('reports a value that is not a number', () => {
    expect(convert({ type: 'number' }, 'n/a')).toEqual({ problem: '"n/a" is not a number' })
  })

  it.each([
    ['low', 50],
    ['mid', 125],
    ['high', 200],
  ] as const)('takes the %s end of a range', (range, value) => {
    expect(convert({ type: 'number', range }, '50-200')).toBe(value)
  })

  it('refuses a range when told to', () => {
    expect(convert({ type: 'number', range: 'missing' }, '50-200')).toEqual({
      problem: '"50-200" is a range, not one number',
    })
  })

  it('keeps JSON numbers', () => {
    expect(convert({ type: 'number' }, 900750000)).toBe(900750000)
  })
})

describe('bands', () => {
  it.each([
    ['50-200', '51-200'],
    ['51-200', '51-200'],
    ['1-10', '1-10'],
    ['10001+', '10001+'],
    ['120', '51-200'],
  ])('places %j in the employee band %s', (text, band) => {
    expect(convert({ type: 'band', scale: 'employees' }, text)).toBe(band)
  })

  it.each([
    ['<1M', '<1M'],
    ['1M-10M', '1M-10M'],
    ['$2.5M', '1M-10M'],
  ])('places %j in the revenue band %s', (text, band) => {
    expect(convert({ type: 'band', scale: 'revenue' }, text)).toBe(band)
  })

  it('refuses a range across two bands rather than guess', () => {
    expect(convert({ type: 'band', scale: 'employees' }, '100-500')).toEqual({
      problem: '"100-500" does not fall in one employees band',
    })
  })

  it('spells a band one way without a scale', () => {
    expect(convert({ type: 'band' }, '1,000 - 5,000')).toBe('1000-5000')
  })
})

describe('other types', () => {
  it.each([
    ['Yes', true],
    ['no', false],
    ['TRUE', true],
    ['0', false],
  ])('reads %j as %s', (text, value) => {
    expect(convert({ type: 'boolean' }, text)).toBe(value)
  })

  it('reports a yes/no value it cannot read', () => {
    expect(convert({ type: 'boolean' }, 'maybe')).toEqual({ problem: '"maybe" is not yes/no' })
  })

  it('prefers the value map over the type', () => {
    expect(convert({ type: 'boolean', values: { Oui: true } }, 'oui')).toBe(true)
  })

  it('treats a value mapped to null as missing without a problem', () => {
    expect(convert({ values: { Other: null } }, 'Other')).toBeUndefined()
  })

  it('reports a value outside a strict value map', () => {
    expect(convert({ values: { A: 'a' }, unmapped: 'missing' }, 'B')).toEqual({
      problem: '"B" is not in the value map',
    })
  })

  it('treats the mapping-wide and column missing markers as missing', () => {
    expect(convert({}, 'Select', ['select'])).toBeUndefined()
    expect(convert({ missing: ['n/a'] }, 'N/A')).toBeUndefined()
  })

  it('splits a list, drops blanks and repeats, maps each item', () => {
    expect(
      convert(
        { type: 'list', separator: '|', values: { SFDC: 'salesforce' } },
        'sfdc| slack ||slack',
      ),
    ).toEqual(['salesforce', 'slack'])
  })

  it('leaves an empty list missing', () => {
    expect(convert({ type: 'list' }, ' ; ;')).toBeUndefined()
  })

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024-03-01 10:30', '2024-03-01T10:30:00.000Z'],
    ['2024-03-01T10:30:00+02:00', '2024-03-01T08:30:00.000Z'],
    ['1709288400000', '2024-03-01T10:20:00.000Z'],
  ])('reads the date %j', (text, iso) => {
    expect(convert({ type: 'date' }, text)).toBe(iso)
  })

  it('reads a slashed date in the order it is told', () => {
    expect(convert({ type: 'date', dateOrder: 'dmy' }, '03/04/2024')).toBe('2024-04-03')
    expect(convert({ type: 'date', dateOrder: 'mdy' }, '03/04/2024')).toBe('2024-03-04')
  })

  it('refuses a slashed date without an order, and impossible dates', () => {
    expect(convert({ type: 'date' }, '03/04/2024')).toEqual({
      problem: '"03/04/2024" could be day-first or month-first; set dateOrder',
    })
    expect(convert({ type: 'date' }, '2023-02-29')).toEqual({
      problem: '"2023-02-29" is not a date',
    })
  })

  it.each([
    ['USA', 'US'],
    ['United States', 'US'],
    ['u.s.a.', 'US'],
    ['United Kingdom', 'GB'],
    ['Côte d’Ivoire', 'CI'],
    ['Liberia', 'LR'],
    ['de', 'DE'],
  ])('normalises the country %j to %s', (text, code) => {
    expect(countryCode(text)).toBe(code)
  })

  it('reports a country it does not know', () => {
    expect(convert({ normalize: 'country' }, 'Asia/Pacific Region')).toEqual({
      problem: '"Asia/Pacific Region" is not a country name or code',
    })
  })

  it('reduces a web address to its domain', () => {
    expect(convert({ normalize: 'domain' }, 'https://www.Acme.com:8080/about?x=1')).toBe('acme.com')
  })
})

describe('compiled mapper', () => {
  const mapper = compileMapping({
    id: ['Id', 'Ref'],
    missing: ['Select'],
    facts: {
      'company.employees': { column: 'Employees', type: 'number' },
      'contact.title': 'Title',
      'contact.country': { column: ['CountryCode', 'Country'], normalize: 'country' },
    },
  })

  it('nests facts by their dotted path and keeps the id', () => {
    expect(mapper.map({ Id: ' 00Q1 ', Employees: '1,200', Title: 'CTO', Country: 'USA' })).toEqual({
      lead: { id: '00Q1', company: { employees: 1200 }, contact: { title: 'CTO', country: 'US' } },
      problems: [],
    })
  })

  it('takes the first column that has a value', () => {
    expect(mapper.map({ Ref: 'R9', CountryCode: '', Country: 'France' }).lead).toEqual({
      id: 'R9',
      contact: { country: 'FR' },
    })
  })

  it('leaves an unconvertible fact missing and reports its column', () => {
    expect(mapper.map({ Id: '1', Employees: 'lots', Title: 'Select' })).toEqual({
      lead: { id: '1' },
      problems: [
        {
          column: 'Employees',
          fact: 'company.employees',
          value: 'lots',
          message: '"lots" is not a number',
        },
      ],
    })
  })

  it('reads dotted columns from nested records', () => {
    const nested = compileMapping({
      id: 'attributes.referenceId',
      facts: { 'contact.title': 'Title' },
    })
    expect(nested.map({ attributes: { referenceId: 'LeadRef1' }, Title: 'VP' }).lead).toEqual({
      id: 'LeadRef1',
      contact: { title: 'VP' },
    })
  })

  it('never reads inherited properties', () => {
    expect(mapper.map(Object.create({ Title: 'inherited' })).lead).toEqual({})
  })

  it('lists the facts whose columns are absent from a header', () => {
    expect(mapper.absentColumns(['Id', 'Title'])).toEqual([
      { fact: 'company.employees', columns: ['Employees'] },
      { fact: 'contact.country', columns: ['CountryCode', 'Country'] },
    ])
  })

  it('tallies problems per column with a few examples', () => {
    const tally = new ConversionTally()
    for (const employees of ['lots', '12', 'many', 'lots', 'few', 'none']) {
      tally.add(mapper.map({ Employees: employees }).problems)
    }
    expect(tally.rows).toBe(5)
    expect(tally.byColumn()).toEqual([
      {
        column: 'Employees',
        fact: 'company.employees',
        count: 5,
        examples: ['lots', 'many', 'few'],
      },
    ])
  })
})

describe('mapping from a header of fact paths', () => {
  it('types columns by the field catalog and ignores the rest', () => {
    const { mapping, ignored } = mappingFromHeader(
      ['id', 'company.employees', 'technology.installed', 'contact.title', 'First Name'],
      fieldCatalog,
    )
    expect(ignored).toEqual(['First Name'])
    expect(
      compileMapping(mapping).map({
        id: 'L1',
        'company.employees': '250',
        'technology.installed': 'slack;salesforce',
        'contact.title': 'VP Sales',
        'First Name': 'Ann',
      }).lead,
    ).toEqual({
      id: 'L1',
      company: { employees: 250 },
      technology: { installed: ['slack', 'salesforce'] },
      contact: { title: 'VP Sales' },
    })
  })
})
