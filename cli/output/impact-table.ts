import type { ImpactResult } from '../../engine/index.ts'
import { count, formatTable } from './text-table.ts'

const outcomes = ['accepted', 'nurture', 'rejected'] as const
const signed = (value: number) =>
  value > 0 ? `+${count(value)}` : value === 0 ? '0' : `-${count(-value)}`

/**
 * The impact report as text tables: outcomes before and after, flips with their rule, the
 * first flipped leads, segments that changed, and small-segment warnings.
 *
 * @example
 * process.stdout.write(formatImpact(report.result(), "b2b-inbound v2", "b2b-inbound v1"))
 */
export function formatImpact(result: ImpactResult, draft: string, baseline: string): string {
  const parts = [
    `Impact of ${draft} against ${baseline} over ${count(result.leads)} leads`,
    formatTable(
      [
        ['outcome', 'before', 'after', 'change'],
        ...outcomes.map((outcome) => [
          outcome,
          count(result.before[outcome]),
          count(result.after[outcome]),
          signed(result.after[outcome] - result.before[outcome]),
        ]),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  ]
  const flipped = result.flips.reduce((sum, flip) => sum + flip.count, 0)
  if (flipped === 0) {
    parts.push('No lead changes outcome.')
  } else {
    parts.push(
      formatTable(
        [
          [`flips (${count(flipped)} leads)`, 'leads', 'flipped by'],
          ...result.flips.map((flip) => [
            `${flip.from} → ${flip.to}`,
            count(flip.count),
            flip.causes.map((cause) => `${cause.ruleId} (${count(cause.count)})`).join(', '),
          ]),
        ],
        ['left', 'right', 'left'],
      ),
    )
    parts.push(
      formatTable(
        [
          ['first flipped leads', 'from', 'to', 'rule'],
          ...result.examples.map((example) => [
            String(example.leadId ?? '(no id)'),
            example.from,
            example.to,
            example.ruleId,
          ]),
        ],
        ['left', 'left', 'left', 'left'],
      ),
    )
  }
  const changed = result.segments.filter((segment) =>
    outcomes.some((outcome) => segment.before[outcome] !== segment.after[outcome]),
  )
  if (changed.length > 0) {
    parts.push(
      formatTable(
        [
          ['segment', 'leads', 'accepted before', 'after', 'rejected before', 'after'],
          ...changed.map((segment) => [
            `${segment.by} = ${segment.value}`,
            count(outcomes.reduce((sum, outcome) => sum + segment.before[outcome], 0)),
            count(segment.before.accepted),
            count(segment.after.accepted),
            count(segment.before.rejected),
            count(segment.after.rejected),
          ]),
        ],
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    )
  }
  if (result.warnings.length > 0)
    parts.push(result.warnings.map((warning) => `warning: ${warning}`).join('\n'))
  return `${parts.join('\n\n')}\n`
}
