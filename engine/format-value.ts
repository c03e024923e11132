import type { FieldSpec } from './field-catalog.ts'
import { formatCount } from './number-format.ts'

/** How values read in sentences: numbers, money, durations, pick-list labels and lists. */

/**
 * Writes what `Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })` writes, several
 * times faster: every decision formats numbers (number-format.ts).
 */
export const countFormat = { format: formatCount }
const MAX_LISTED = 5

/** "$2.5M", "$50,000", "1,200", "3 months", "15 minutes". */
export function formatValue(value: unknown, field?: Pick<FieldSpec, 'format' | 'options'>): string {
  if (Array.isArray(value)) return listOf(value.map((item) => formatValue(item, field)))
  if (typeof value === 'number') {
    switch (field?.format) {
      case 'currency':
        return formatMoney(value)
      case 'months':
        return `${countFormat.format(value)} ${value === 1 ? 'month' : 'months'}`
      case 'seconds': {
        if (value < 120) return `${countFormat.format(value)} ${value === 1 ? 'second' : 'seconds'}`
        return `${countFormat.format(Math.round(value / 60))} minutes`
      }
      default:
        return countFormat.format(value)
    }
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') {
    const option = field?.options?.find((candidate) => candidate.value === value)
    return option ? option.label : value
  }
  return JSON.stringify(value) ?? 'nothing'
}

function formatMoney(value: number): string {
  const abs = Math.abs(value)
  const sign = value < 0 ? '-' : ''
  if (abs >= 1e9) return `${sign}$${countFormat.format(abs / 1e9)}B`
  if (abs >= 1e6) return `${sign}$${countFormat.format(abs / 1e6)}M`
  return `${sign}$${countFormat.format(abs)}`
}

/** "A, B, C, D, E and 3 more"; `last` joins the final pair: "A, B or C". */
export function listOf(items: readonly string[], last = ' and '): string {
  if (items.length <= 1) return items[0] ?? 'nothing'
  if (items.length > MAX_LISTED) {
    return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`
  }
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`
}

export const asList = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : [value]

/**
 * A catalog phrase with `{value}` and `{one|many}` filled in. Plural first and the value
 * last, through a function: a lead's text is never read as a template ("{a|b}") or as a
 * replacement pattern ("$&").
 */
export function fillPhrase(phrase: string, value: string, count: unknown): string {
  const { one, many } = (phraseForms[phrase] ??= phraseFormsOf(phrase))
  const [before, after] = count === 1 ? one : many
  return after === undefined ? before : `${before}${value}${after}`
}

/** A phrase's text around `{value}`, plural choices made, for one and for many. */
interface PhraseForms {
  one: readonly [string, string?]
  many: readonly [string, string?]
}

// Catalog phrases are few and fixed: each is taken apart once, not per sentence.
const phraseForms: Record<string, PhraseForms> = Object.create(null)

function phraseFormsOf(phrase: string): PhraseForms {
  const around = (plural: boolean): readonly [string, string?] => {
    const text = phrase.replace(/\{([^|}]*)\|([^}]*)\}/g, (_, one: string, many: string) =>
      plural ? many : one,
    )
    const at = text.indexOf('{value}')
    return at < 0 ? [text] : [text.slice(0, at), text.slice(at + '{value}'.length)]
  }
  return { one: around(false), many: around(true) }
}
