import { describe, expect, it } from 'vitest'
import { fieldCatalog } from '../../engine/index.ts'
import { reshapeValue } from '../../editor/model/index.ts'
import { readPath, writePath } from '../../editor/testing/lead-paths.ts'

describe('writing a test lead from the form', () => {
  it('creates the group a fact belongs to', () => {
    expect(writePath({}, 'company.employees', 120)).toEqual({ company: { employees: 120 } })
  })

  it('drops a fact and its emptied group when the input is cleared', () => {
    const lead = { id: 'L1', company: { employees: 120 } }
    expect(writePath(lead, 'company.employees', undefined)).toEqual({ id: 'L1' })
  })

  it('never writes through __proto__', () => {
    expect(writePath({}, '__proto__.polluted', true)).toEqual({})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads a nested fact', () => {
    expect(readPath({ bant: { budget: 5 } }, 'bant.budget')).toBe(5)
  })
})

describe('changing a condition’s comparison keeps its value where it can', () => {
  const employees = fieldCatalog.get('company.employees')
  const industry = fieldCatalog.get('company.industry')

  it('turns one number into a band around it', () => {
    expect(reshapeValue(50, 'between', employees)).toEqual([50, 100])
  })

  it('turns a band back into its low end', () => {
    expect(reshapeValue([50, 200], 'greaterThanInclusive', employees)).toBe(50)
  })

  it('turns one pick into a list and back', () => {
    expect(reshapeValue('retail', 'in', industry)).toEqual(['retail'])
    expect(reshapeValue(['retail', 'finance'], 'equal', industry)).toBe('retail')
  })

  it('keeps a named list for a list comparison and drops it for a single value', () => {
    expect(reshapeValue({ list: 'x' }, 'notIn', industry)).toEqual({ list: 'x' })
    expect(reshapeValue({ list: 'x' }, 'equal', industry)).toBe('manufacturing')
  })

  it('drops the value for "is known"', () => {
    expect(reshapeValue(50, 'exists', employees)).toBeUndefined()
  })
})
