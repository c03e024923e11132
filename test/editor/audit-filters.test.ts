import { describe, expect, it } from 'vitest'
import {
  activeFilterCount,
  decisionQuery,
  filtersFromSearch,
  filtersProblem,
  filtersToSearch,
} from '../../editor/audit/audit-filters.ts'

describe('audit explorer filters', () => {
  it('reads every filter from an address query', () => {
    const search = new URLSearchParams(
      'leadId=00Q1&email=a%40b.com&company=Acme&outcome=rejected&ruleset=b2b-inbound&version=3&from=2026-03-01&to=2026-03-05&reason=min-employees',
    )
    expect(filtersFromSearch(search)).toEqual({
      leadId: '00Q1',
      email: 'a@b.com',
      company: 'Acme',
      outcome: 'rejected',
      ruleset: 'b2b-inbound',
      version: 3,
      from: '2026-03-01',
      to: '2026-03-05',
      reason: 'min-employees',
    })
  })

  it('drops blank and malformed values from a hand-edited address', () => {
    const search = new URLSearchParams(
      'leadId=%20%20&outcome=maybe&version=0&from=2026-13-45&to=yesterday&company=Acme',
    )
    expect(filtersFromSearch(search)).toEqual({ company: 'Acme' })
  })

  it('writes filters in a fixed order and leaves blanks out', () => {
    expect(
      filtersToSearch({ reason: 'competitor', outcome: 'rejected', leadId: '00Q1', email: '' }),
    ).toBe('leadId=00Q1&outcome=rejected&reason=competitor')
  })

  it('reads back what it writes', () => {
    const filters = {
      company: 'Acme & Sons',
      ruleset: 'b2b-inbound',
      version: 2,
      from: '2026-01-31',
    }
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(filters)))).toEqual(filters)
  })

  it('turns whole days into an inclusive start and an exclusive end for the API', () => {
    expect(decisionQuery({ from: '2026-02-27', to: '2026-02-28' })).toEqual({
      from: '2026-02-27T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    })
  })

  it('sends a version only together with its ruleset', () => {
    expect(decisionQuery({ version: 3 })).toEqual({})
    expect(decisionQuery({ version: 3, ruleset: 'b2b-inbound' })).toEqual({
      ruleset: 'b2b-inbound',
      version: '3',
    })
  })

  it('trims typed text before searching', () => {
    expect(decisionQuery({ leadId: ' 00Q1 ', email: '  ', outcome: 'nurture' })).toEqual({
      leadId: '00Q1',
      outcome: 'nurture',
    })
  })

  it('refuses a range that ends before it starts', () => {
    expect(filtersProblem({ from: '2026-03-05', to: '2026-03-01' })).toBe(
      'The end date is before the start date.',
    )
    expect(filtersProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull()
  })

  it('counts the filters that are set', () => {
    expect(activeFilterCount({ leadId: '1', email: '', outcome: 'accepted' })).toBe(2)
  })
})
