/**
 * A plain-text table for terminals and logs: columns padded to their widest cell, numbers
 * right-aligned. No colours, so it reads the same in CI logs and when piped.
 *
 * @example
 * formatTable([['outcome', 'leads'], ['accepted', '1,704']], ['left', 'right'])
 * // 'outcome   leads\naccepted  1,704'
 */
export function formatTable(
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[],
): string {
  const widths = align.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  )
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          align[column] === 'right' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

const grouped = new Intl.NumberFormat('en-US')
export const count = (value: number): string => grouped.format(value)
export const share = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)}%`
