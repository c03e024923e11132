import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileMapping, ConversionTally, industries, mappingPresets } from '../../engine/index.ts'

const salesforce = compileMapping(mappingPresets.salesforce)
const hubspot = compileMapping(mappingPresets.hubspot)
const sampleRecords: Record<string, unknown>[] = JSON.parse(
  readFileSync('../shared/data/salesforce-sample-leads/Lead.json', 'utf8'),
).records

describe('salesforce preset', () => {
  it('maps a sample record to lead facts', () => {
    expect(salesforce.map(sampleRecords[2]!)).toEqual({
      lead: {
        id: 'LeadRef3',
        contact: {
          firstName: 'Bertha',
          lastName: 'Boxer',
          title: 'Director of Vendor Relations',
          email: 'bertha@fcof.net',
          phone: '(850) 644-4200',
          country: 'US',
        },
        company: {
          name: 'Farmers Coop. of Florida',
          revenue: 900750000,
          industry: 'agriculture',
          locations: 130,
          country: 'US',
        },
        engagement: { source: 'web' },
        crm: { status: 'Working - Contacted', rating: 'Hot' },
      },
      problems: [],
    })
  })

  it('maps all 22 sample records without a conversion problem', () => {
    const tally = new ConversionTally()
    const countries = new Map<unknown, number>()
    for (const record of sampleRecords) {
      const { lead, problems } = salesforce.map(record)
      tally.add(problems)
      const country = (lead.company as { country?: string }).country
      countries.set(country, (countries.get(country) ?? 0) + 1)
    }
    expect(tally.rows).toBe(0)
    expect(Object.fromEntries(countries)).toEqual({ US: 19, TW: 1, JP: 1, FR: 1 })
  })

  it('places every default Industry picklist value but "Other" in a catalog sector', () => {
    const sectors = new Set<string>(industries.map((industry) => industry.value))
    const picklist =
      'Agriculture, Apparel, Banking, Biotechnology, Chemicals, Communications, Construction, Consulting, Education, Electronics, Energy, Engineering, Entertainment, Environmental, Finance, Food & Beverage, Government, Healthcare, Hospitality, Insurance, Machinery, Manufacturing, Media, Not For Profit, Other, Recreation, Retail, Shipping, Technology, Telecommunications, Transportation, Utilities'.split(
        ', ',
      )
    const placed = picklist.map(
      (Industry) => (salesforce.map({ Industry }).lead.company as { industry?: string })?.industry,
    )
    expect(placed.filter((sector) => sector === undefined)).toHaveLength(1)
    expect(placed.every((sector) => sector === undefined || sectors.has(sector))).toBe(true)
    expect(placed[picklist.indexOf('Other')]).toBeUndefined()
  })

  it('reports an industry a custom picklist added', () => {
    expect(salesforce.map({ Industry: 'Aerospace' }).problems).toEqual([
      {
        column: 'Industry',
        fact: 'company.industry',
        value: 'Aerospace',
        message: '"Aerospace" is not in the value map',
      },
    ])
  })

  it('treats "[not provided]" as a missing company', () => {
    expect(salesforce.map({ Company: '[not provided]', LastName: 'Doe' }).lead).toEqual({
      contact: { lastName: 'Doe' },
    })
  })
})

describe('hubspot preset', () => {
  it('reads a flat export with company columns and text values', () => {
    expect(
      hubspot.map({
        hs_object_id: '51',
        jobtitle: 'VP Sales',
        numemployees: '50-100',
        'company.numberofemployees': '',
        'company.industry': 'COMPUTER_SOFTWARE',
        country: 'United States',
        annualrevenue: '$2.5M',
        hs_analytics_source: 'PAID_SEARCH',
        hubspotscore: '12',
      }).lead,
    ).toEqual({
      id: '51',
      contact: { title: 'VP Sales', country: 'US' },
      company: { employees: 50, revenue: 2_500_000, industry: 'information', country: 'US' },
      engagement: { source: 'paid' },
      crm: { score: 12 },
    })
  })

  it('reads an API record with properties', () => {
    expect(
      hubspot.map({
        id: '52',
        properties: { email: 'x@acme.com', website: 'https://www.acme.com', numemployees: '1000+' },
      }).lead,
    ).toEqual({
      id: '52',
      contact: { email: 'x@acme.com' },
      company: { domain: 'acme.com', employees: 1000 },
    })
  })
})
