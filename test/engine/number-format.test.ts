import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCount } from '../../engine/number-format.ts'

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'negative' })

describe('formatCount writes what Intl en-US writes with at most two decimals, sign on non-zero only', () => {
  it('groups thousands and drops trailing zeros', () => {
    expect([1234, 1234567.5, 1000.1, 12.3456, 999.995, -0.001].map(formatCount)).toEqual([
      '1,234',
      '1,234,567.5',
      '1,000.1',
      '12.35',
      '1,000',
      '0',
    ])
  })

  it('writes no minus sign on a number that reads as zero', () => {
    expect([-0, -0.004, -0.005, -1e-7].map(formatCount)).toEqual(['0', '0', '-0.01', '0'])
  })

  it('rounds the shortest decimal form half away from zero, as Intl does', () => {
    expect([1.005, 2.675, -0.015, 0.125].map(formatCount)).toEqual([
      '1.01',
      '2.68',
      '-0.02',
      '0.13',
    ])
  })

  it('agrees with Intl on edge values', () => {
    const values = [0, -0, 1e-7, -1e-7, 1e15, 1e15 - 1, 999_999_999_999_999.9, 1e21, 5e-324]
    const more = [Infinity, -Infinity, NaN, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]
    for (const value of [...values, ...more]) expect(formatCount(value)).toBe(intl.format(value))
  })

  it('agrees with Intl on any double', () => {
    fc.assert(
      fc.property(fc.double(), (value) => formatCount(value) === intl.format(value)),
      { numRuns: 20_000 },
    )
  })

  it('agrees with Intl on money-like values', () => {
    const money = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100),
      fc.integer({ min: 0, max: 5e9 }).map((value) => value / 1e6),
      fc.integer({ min: -2000, max: 2000 }).map((value) => value / 1000 + 0.005),
    )
    fc.assert(
      fc.property(money, (value) => formatCount(value) === intl.format(value)),
      { numRuns: 20_000 },
    )
  })
})
