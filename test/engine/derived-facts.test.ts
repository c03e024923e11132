import { describe, expect, it } from 'vitest'
import {
  emailDomainOf,
  employeeBandOf,
  functionFromTitle,
  regionOf,
  revenueBandOf,
  seniorityFromTitle,
} from '../../engine/index.ts'
import { decide, rule } from './support/build.ts'

describe('seniority and function from a job title', () => {
  // Titles from the Salesforce sample leads and common CRM data.
  it.each([
    ['CEO', 'c-level', 'executive'],
    ['CFO', 'c-level', 'finance'],
    ['CEO & Founder', 'c-level', 'executive'],
    ['Co-Founder & CTO', 'c-level', 'engineering'],
    ['Chief Technology Officer', 'c-level', 'engineering'],
    ['Chief Information Officer', 'c-level', 'it'],
    ['Chief Operating Officer', 'c-level', 'operations'],
    ['Chief Revenue Officer', 'c-level', 'sales'],
    ['President', 'c-level', 'executive'],
    ['Owner', 'c-level', 'executive'],
    ['Managing Partner', 'c-level', 'other'],
    ['Chairman of the Board', 'c-level', 'executive'],
    ['Vice President of Sales', 'vp', 'sales'],
    ['SVP, Administration and Finance', 'vp', 'finance'],
    ['SVP, Procurement', 'vp', 'finance'],
    ['VP, Technology', 'vp', 'it'],
    ['VP, Facilities', 'vp', 'operations'],
    ['VP, Production', 'vp', 'operations'],
    ['Assistant Vice President, Finance', 'vp', 'finance'],
    ['Director of Vendor Relations', 'director', 'other'],
    ['Director, Warehouse Mgmt', 'director', 'operations'],
    ['Head of IT', 'director', 'it'],
    ['Senior Director, Digital Marketing', 'director', 'marketing'],
    ['Director of Change Management', 'director', 'operations'],
    ['Regional General Manager', 'manager', 'executive'],
    ['IT Manager', 'manager', 'it'],
    ['Partner Marketing Manager', 'manager', 'marketing'],
    ['Purchasing Manager', 'manager', 'finance'],
    ['Team Lead, Customer Support', 'manager', 'other'],
    ['Sr. Software Engineer', 'individual', 'engineering'],
    ['Principal Engineer', 'individual', 'engineering'],
    ['Account Executive', 'individual', 'sales'],
    ['Product Owner', 'individual', 'other'],
    ['HR Business Partner', 'individual', 'hr'],
    ['Executive Assistant to the CEO', 'individual', 'other'],
    ['MVP Developer', 'individual', 'engineering'],
    ['Data Scientist', 'individual', 'other'],
    ['Marketing Intern', 'entry', 'marketing'],
    ['Graduate Student', 'entry', 'other'],
  ])('%s → %s, %s', (title, seniority, jobFunction) => {
    expect([seniorityFromTitle(title), functionFromTitle(title)]).toEqual([seniority, jobFunction])
  })

  it('reads "Vice President" as vp, not as the president', () => {
    expect(seniorityFromTitle('Vice-President, Global Operations')).toBe('vp')
  })

  it('ignores case and punctuation', () => {
    expect(seniorityFromTitle('dIrEcToR/it')).toBe('director')
  })

  it('answers the same for a title seen before, also after thousands of other titles', () => {
    const first = [seniorityFromTitle('VP Sales'), functionFromTitle('VP Sales')]
    for (let at = 0; at < 10_000; at++) seniorityFromTitle(`Director of Region ${at}`)
    for (let at = 0; at < 10_000; at++) functionFromTitle(`Sales Rep ${at}`)
    const again = [seniorityFromTitle('VP Sales'), functionFromTitle('VP Sales')]
    expect([first, again]).toEqual([
      ['vp', 'sales'],
      ['vp', 'sales'],
    ])
    expect([
      seniorityFromTitle('Director of Region 9999'),
      functionFromTitle('Sales Rep 3'),
    ]).toEqual(['director', 'sales'])
  })

  it('knows nothing about a blank or missing title', () => {
    expect([seniorityFromTitle('  '), functionFromTitle(''), seniorityFromTitle(42)]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })
})

describe('employee band', () => {
  it.each([
    [0, '1-10'],
    [1, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [50, '11-50'],
    [51, '51-200'],
    [200, '51-200'],
    [201, '201-500'],
    [500, '201-500'],
    [1000, '501-1000'],
    [1001, '1001-5000'],
    [5000, '1001-5000'],
    [10_000, '5001-10000'],
    [10_001, '10001+'],
  ])('%i employees → %s', (employees, band) => {
    expect(employeeBandOf(employees)).toBe(band)
  })

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], ['50']])('%j has no band', (value) => {
    expect(employeeBandOf(value)).toBeUndefined()
  })
})

describe('revenue band', () => {
  it.each([
    [0, '<1M'],
    [999_999, '<1M'],
    [1_000_000, '1M-10M'],
    [9_999_999, '1M-10M'],
    [10_000_000, '10M-50M'],
    [50_000_000, '50M-100M'],
    [100_000_000, '100M-500M'],
    [350_000_000, '100M-500M'],
    [900_750_000, '500M-1B'],
    [1_000_000_000, '1B+'],
  ])('$%i → %s', (revenue, band) => {
    expect(revenueBandOf(revenue)).toBe(band)
  })
})

describe('email domain', () => {
  it.each([
    ['bertha@fcof.net', 'fcof.net'],
    ['Jane.Doe@Acme.COM', 'acme.com'],
    ['"odd@name"@example.org', 'example.org'],
    [' pat@census.gov ', 'census.gov'],
  ])('%s → %s', (email, domain) => {
    expect(emailDomainOf(email)).toBe(domain)
  })

  it.each([['no-at-sign'], ['trailing@'], [''], [null]])('%j has no domain', (email) => {
    expect(emailDomainOf(email)).toBeUndefined()
  })
})

describe('region of a country', () => {
  it.each([
    ['US', 'NA'],
    ['ca', 'NA'],
    ['MX', 'LATAM'],
    ['BR', 'LATAM'],
    ['DE', 'EMEA'],
    ['ZA', 'EMEA'],
    ['AE', 'EMEA'],
    ['JP', 'APAC'],
    ['AU', 'APAC'],
    ['USA', 'NA'],
    ['France', 'EMEA'],
    ['Japan', 'APAC'],
    ['Taiwan', 'APAC'],
    ['United Kingdom', 'EMEA'],
    ['UK', 'EMEA'],
    [' united states ', 'NA'],
  ])('%s → %s', (country, region) => {
    expect(regionOf(country)).toBe(region)
  })

  it.each([['XX'], ['Atlantis'], [''], [49]])('%j has no region', (country) => {
    expect(regionOf(country)).toBeUndefined()
  })
})

describe('derived facts in a decision', () => {
  const seniorityIs = (value: string) =>
    rule({
      kind: 'score',
      points: 60,
      when: { all: [{ fact: 'contact.seniority', operator: 'equal', value }] },
    })

  it('are derived when the lead does not carry the fact', () => {
    expect(decide([seniorityIs('vp')], { 'contact.title': 'VP Sales' }).score).toBe(60)
  })

  it("use the lead's own value over the derived one", () => {
    const decision = decide([seniorityIs('vp')], {
      'contact.title': 'VP Sales',
      'contact.seniority': 'director',
    })
    expect(decision.trace[1]).toMatchObject({ actual: 'director', result: 'fail' })
  })

  it('are derived when the own value is blank', () => {
    const decision = decide([seniorityIs('vp')], {
      'contact.title': 'VP Sales',
      'contact.seniority': '  ',
    })
    expect(decision.trace[1]).toMatchObject({ actual: 'vp', result: 'pass' })
  })

  it('stay unknown when neither the fact nor its source is there', () => {
    expect(decide([seniorityIs('vp')], {}).rules[0]!.result).toBe('unknown')
  })

  it('derive the size band, email domain and region', () => {
    const decision = decide(
      [
        rule({
          kind: 'score',
          points: 60,
          when: {
            all: [
              { fact: 'company.sizeBand', operator: 'equal', value: '201-500' },
              { fact: 'company.revenueBand', operator: 'equal', value: '1M-10M' },
              { fact: 'contact.emailDomain', operator: 'equal', value: 'acme.com' },
              { fact: 'company.region', operator: 'equal', value: 'EMEA' },
            ],
          },
        }),
      ],
      {
        'company.employees': 201,
        'company.revenue': 1_000_000,
        'contact.email': 'Jo@ACME.com',
        'company.country': 'Germany',
      },
    )
    expect(decision.trace.slice(1).map((entry) => entry.actual)).toEqual([
      '201-500',
      '1M-10M',
      'acme.com',
      'EMEA',
    ])
  })
})
