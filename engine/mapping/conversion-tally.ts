import type { ConversionProblem } from './mapper.ts'

export interface ColumnProblems {
  column: string
  fact: string
  count: number
  /** Up to three distinct offending values, as found. */
  examples: string[]
}

/**
 * Counts conversion problems per column over a run, keeping a few example values, so a
 * batch can end with "Employees: 14 values could not be read (e.g. "lots", "n/a")".
 *
 * @example
 * const tally = new ConversionTally()
 * tally.add(mapper.map(row).problems)
 * tally.byColumn() // [{ column: 'Employees', fact: 'company.employees', count: 1, examples: ['lots'] }]
 */
export class ConversionTally {
  #columns = new Map<string, ColumnProblems>()
  #rows = 0

  /** Rows that had at least one problem. */
  get rows(): number {
    return this.#rows
  }

  add(problems: readonly ConversionProblem[]): void {
    if (problems.length === 0) return
    this.#rows++
    for (const problem of problems) {
      const key = `${problem.column}\u0000${problem.fact}`
      let entry = this.#columns.get(key)
      if (!entry) {
        entry = { column: problem.column, fact: problem.fact, count: 0, examples: [] }
        this.#columns.set(key, entry)
      }
      entry.count++
      if (entry.examples.length < 3 && !entry.examples.includes(problem.value)) {
        entry.examples.push(problem.value)
      }
    }
  }

  /** Columns with problems, most problems first. */
  byColumn(): ColumnProblems[] {
    return [...this.#columns.values()].sort(
      (a, b) => b.count - a.count || a.column.localeCompare(b.column),
    )
  }
}
