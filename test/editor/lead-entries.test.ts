import { describe, expect, it } from 'vitest'
import { catalogFor, fieldCatalog } from '../../engine/index.ts'
import { leadEntries } from '../../editor/audit/lead-entries.ts'

describe('leadEntries', () => {
  it('labels facts from the field catalog and formats their values', () => {
    expect(
      leadEntries({ company: { employees: 1200 }, bant: { budget: 2500000 } }, fieldCatalog).map(
        ({ label, value }) => [label, value],
      ),
    ).toEqual([
      ['Employees', '1,200'],
      ['Budget', '$2.5M'],
    ])
  })

  it('puts the lead id first and orders groups as the catalog does', () => {
    const entries = leadEntries(
      {
        engagement: { visits: 4 },
        company: { name: 'Acme' },
        id: '00Q1',
        contact: { title: 'CFO' },
      },
      fieldCatalog,
    )
    expect(entries.map((entry) => entry.category)).toEqual([
      'Lead',
      'Contact',
      'Company',
      'Engagement',
    ])
    expect(entries[0]).toEqual({ path: 'id', label: 'Lead id', category: 'Lead', value: '00Q1' })
  })

  it('lists every item of a list, not just the first five', () => {
    const installed = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    const [entry] = leadEntries({ technology: { installed } }, fieldCatalog)
    expect(entry!.value).toBe('a, b, c, d, e, f, g')
  })

  it('keeps the path of a field the catalog does not know, under Other', () => {
    expect(leadEntries({ crm: { stage: 'MQL' } }, fieldCatalog)).toEqual([
      { path: 'crm.stage', label: 'crm.stage', category: 'Other', value: 'MQL' },
    ])
  })

  it('uses the ruleset’s own fields when the catalog is built for it', () => {
    const catalog = catalogFor({
      fields: { 'custom.tier': { type: 'string', label: 'Account tier', category: 'Company' } },
    } as never)
    expect(leadEntries({ custom: { tier: 'gold' } }, catalog)[0]!.label).toBe('Account tier')
  })

  it('shows an empty list and a null as "none"', () => {
    expect(
      leadEntries(
        { technology: { installed: [] }, contact: { phone: null } } as never,
        fieldCatalog,
      ).map((entry) => entry.value),
    ).toEqual(['none', 'none'])
  })
})
