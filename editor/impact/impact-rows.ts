import type { Outcome } from '../../engine/index.ts'

type Counts = Record<Outcome, number>

/** The parts of a simulation the charts read. */
export interface ImpactCounts {
  leads: number
  before: Counts
  after: Counts
  segments: { by: string; value: string; before: Counts; after: Counts }[]
}

export interface OutcomeRow {
  outcome: Outcome
  label: string
  before: number
  after: number
  /** after − before */
  change: number
}

export interface SegmentRow {
  segment: string
  before: number
  after: number
  change: number
  /** Below the policy's minimum segment size after the change, though not before. */
  tooSmall: boolean
}

export const outcomeLabels: Record<Outcome, string> = {
  accepted: 'Accepted',
  nurture: 'Nurture',
  rejected: 'Rejected',
}
const outcomes: Outcome[] = ['accepted', 'nurture', 'rejected']

/**
 * Before/after counts per outcome for the outcome chart.
 *
 * @example
 * outcomeRows({ before: { accepted: 10, nurture: 5, rejected: 5 }, after: { accepted: 12, nurture: 5, rejected: 3 } })[0]
 * // { outcome: 'accepted', label: 'Accepted', before: 10, after: 12, change: 2 }
 */
export function outcomeRows(counts: Pick<ImpactCounts, 'before' | 'after'>): OutcomeRow[] {
  return outcomes.map((outcome) => ({
    outcome,
    label: outcomeLabels[outcome],
    before: counts.before[outcome],
    after: counts.after[outcome],
    change: counts.after[outcome] - counts.before[outcome],
  }))
}

const dimensionWords: Record<string, string> = {
  'company.industry': 'Industry',
  'company.sizeBand': 'Company size',
  'company.region': 'Region',
  persona: 'Persona',
}

/** "Industry" for `company.industry`; unknown cuts keep their path. */
export const dimensionLabel = (by: string): string => dimensionWords[by] ?? by

/** The cuts a simulation has segments for, in the order it lists them. */
export function segmentDimensions(counts: Pick<ImpactCounts, 'segments'>): string[] {
  return [...new Set(counts.segments.map((segment) => segment.by))]
}

/**
 * One dimension's segments as chart rows: how many leads of `outcome` each segment had
 * before and after, largest first, at most `limit` rows (the rest would be unreadable bars).
 * Segments that had none either way are left out.
 *
 * @example
 * segmentRows(simulation, 'company.industry', 'accepted', 50)[0]
 * // { segment: 'manufacturing', before: 120, after: 95, change: -25, tooSmall: false }
 */
export function segmentRows(
  counts: Pick<ImpactCounts, 'segments'>,
  by: string,
  outcome: Outcome,
  minSegmentSize: number,
  limit = 12,
): SegmentRow[] {
  return counts.segments
    .filter((segment) => segment.by === by)
    .map((segment) => ({
      segment: segment.value,
      before: segment.before[outcome],
      after: segment.after[outcome],
      change: segment.after[outcome] - segment.before[outcome],
      tooSmall:
        outcome === 'accepted' &&
        segment.value !== '(unknown)' &&
        segment.before.accepted >= minSegmentSize &&
        segment.after.accepted < minSegmentSize,
    }))
    .filter((row) => row.before > 0 || row.after > 0)
    .sort((a, b) => Math.max(b.before, b.after) - Math.max(a.before, a.after))
    .slice(0, limit)
}

/** "+12", "−3", "no change": the signed change a person reads at a glance. */
export function signedChange(change: number): string {
  if (change === 0) return 'no change'
  return change > 0
    ? `+${change.toLocaleString('en-US')}`
    : `−${Math.abs(change).toLocaleString('en-US')}`
}
