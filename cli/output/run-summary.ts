import { ConversionTally, type Ruleset } from '../../engine/index.ts'
import { addTally, emptyTally, type DecisionTally } from '../evaluate/decision-tally.ts'
import { count, formatTable, share } from './text-table.ts'

const outcomes = ['accepted', 'nurture', 'rejected'] as const

/**
 * What a batch run ends with: outcome counts, the reasons that decided most leads, persona
 * matches, and every kind of input trouble (values that could not be converted per column,
 * rows with too few or too many cells, rows that were not leads at all).
 */
export class RunSummary {
  readonly tally = emptyTally()
  readonly conversions = new ConversionTally()
  unusable = 0
  readonly unusableExamples: string[] = []

  constructor(readonly ruleset: Ruleset) {}

  get leads(): number {
    return this.tally.leads
  }

  add(part: DecisionTally): void {
    for (const problems of part.problems) this.conversions.add(problems)
    addTally(this.tally, { ...part, problems: [] })
  }

  addUnusable(number: number, message: string): void {
    this.unusable++
    if (this.unusableExamples.length < 5) this.unusableExamples.push(`row ${number}: ${message}`)
  }

  /** The summary as text for the terminal; `seconds` is the run's wall time. */
  format(seconds: number, workers = 0): string {
    const { ruleset, tally } = this
    const leads = tally.leads
    const rate = seconds > 0 ? ` (${count(Math.round(leads / seconds))} leads/s)` : ''
    const threads = workers > 0 ? ` on ${workers} worker threads` : ''
    const parts = [
      `${count(leads)} leads decided by ${ruleset.id} v${ruleset.version} in ${seconds.toFixed(1)} s${rate}${threads}`,
      formatTable(
        [
          ['outcome', 'leads', 'share'],
          ...outcomes.map((outcome) => [
            outcome,
            count(tally.outcomes[outcome]),
            share(tally.outcomes[outcome], leads),
          ]),
        ],
        ['left', 'right', 'right'],
      ),
    ]
    const reasons = Object.values(tally.reasons)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
    if (reasons.length > 0) {
      parts.push(
        formatTable(
          [
            ['top reasons (rejected or nurtured)', 'leads'],
            ...reasons.map(([label, times]) => [label, count(times)]),
          ],
          ['left', 'right'],
        ),
      )
    }
    const personas = Object.entries(tally.personas).sort((a, b) => b[1] - a[1])
    if (personas.length > 0) {
      parts.push(
        formatTable(
          [
            [`personas (match ≥ ${ruleset.policy.personaMinMatch})`, 'leads'],
            ...personas.map(([name, matched]) => [name, count(matched)]),
          ],
          ['left', 'right'],
        ),
      )
    }
    parts.push(this.#inputTrouble())
    return `${parts.join('\n\n')}\n`
  }

  #inputTrouble(): string {
    const lines: string[] = []
    const columns = this.conversions.byColumn()
    if (columns.length > 0) {
      lines.push(
        `${count(this.conversions.rows)} leads had values that could not be read; those facts were left unknown:`,
      )
      for (const column of columns) {
        const examples = column.examples.map((example) => JSON.stringify(example)).join(', ')
        lines.push(`  ${column.column} → ${column.fact}: ${count(column.count)} (e.g. ${examples})`)
      }
    }
    if (this.tally.raggedRows > 0) {
      lines.push(
        `${count(this.tally.raggedRows)} rows had more or fewer cells than the header; missing cells were read as blank`,
      )
    }
    if (this.unusable > 0) {
      lines.push(`${count(this.unusable)} rows were not leads and were skipped:`)
      for (const example of this.unusableExamples) lines.push(`  ${example}`)
    }
    return lines.length > 0 ? lines.join('\n') : 'input: every row was read in full'
  }
}
