import { describe, expect, it } from 'vitest'
import {
  dimensionLabel,
  outcomeRows,
  segmentDimensions,
  segmentRows,
  signedChange,
} from '../../editor/impact/impact-rows.ts'

const counts = (accepted: number, nurture: number, rejected: number) => ({
  accepted,
  nurture,
  rejected,
})
const simulation = {
  leads: 300,
  before: counts(120, 100, 80),
  after: counts(90, 110, 100),
  segments: [
    {
      by: 'company.industry',
      value: 'finance',
      before: counts(60, 10, 5),
      after: counts(40, 20, 15),
    },
    {
      by: 'company.industry',
      value: 'retail',
      before: counts(5, 30, 40),
      after: counts(5, 30, 40),
    },
    {
      by: 'company.industry',
      value: 'healthcare',
      before: counts(55, 60, 35),
      after: counts(45, 60, 45),
    },
    { by: 'company.industry', value: 'mining', before: counts(0, 0, 0), after: counts(0, 0, 0) },
    {
      by: 'company.region',
      value: 'NA',
      before: counts(120, 100, 80),
      after: counts(90, 110, 100),
    },
    {
      by: 'company.industry',
      value: '(unknown)',
      before: counts(50, 0, 0),
      after: counts(0, 0, 50),
    },
  ],
}

describe('impact chart rows', () => {
  it('gives before, after and the change for each outcome', () => {
    expect(outcomeRows(simulation)).toEqual([
      { outcome: 'accepted', label: 'Accepted', before: 120, after: 90, change: -30 },
      { outcome: 'nurture', label: 'Nurture', before: 100, after: 110, change: 10 },
      { outcome: 'rejected', label: 'Rejected', before: 80, after: 100, change: 20 },
    ])
  })

  it('lists the cuts in the order the simulation gives them', () => {
    expect(segmentDimensions(simulation)).toEqual(['company.industry', 'company.region'])
    expect(dimensionLabel('company.sizeBand')).toBe('Company size')
    expect(dimensionLabel('custom.tier')).toBe('custom.tier')
  })

  it('orders one cut’s segments by size and leaves out empty ones', () => {
    expect(
      segmentRows(simulation, 'company.industry', 'accepted', 50).map((row) => row.segment),
    ).toEqual(['finance', 'healthcare', '(unknown)', 'retail'])
  })

  it('marks a segment whose accepted leads fall below the minimum size', () => {
    const rows = segmentRows(simulation, 'company.industry', 'accepted', 50)
    expect(rows.filter((row) => row.tooSmall).map((row) => row.segment)).toEqual([
      'finance',
      'healthcare',
    ])
    expect(rows[0]).toEqual({
      segment: 'finance',
      before: 60,
      after: 40,
      change: -20,
      tooSmall: true,
    })
  })

  it('counts the chosen outcome and never warns on it unless it is accepted', () => {
    const rows = segmentRows(simulation, 'company.industry', 'rejected', 50, 2)
    expect(rows).toEqual([
      { segment: '(unknown)', before: 0, after: 50, change: 50, tooSmall: false },
      { segment: 'healthcare', before: 35, after: 45, change: 10, tooSmall: false },
    ])
  })

  it('writes a signed change a person reads at a glance', () => {
    expect([signedChange(1200), signedChange(-3), signedChange(0)]).toEqual([
      '+1,200',
      '−3',
      'no change',
    ])
  })
})
