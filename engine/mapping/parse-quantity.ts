/**
 * Numbers as CRMs and spreadsheets write them: "1,200", "$2.5M", "2.5 million", "50-200",
 * "1000+", "<1M". A band is kept as a range rather than guessed into one number; the
 * mapping decides what a range becomes.
 */

/** A single number, or a range whose open end is undefined ("1000+" has no high end). */
export type Quantity =
  { kind: 'number'; value: number } | { kind: 'range'; low: number; high: number | undefined }

const scaleWords: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
}

// Currency marks are dropped: a mapping column is already known to hold money or not.
const currencyMarks = /[$€£¥₹]|\b(?:usd|eur|gbp|jpy|inr|cad|aud|chf)\b/g
const plainNumber = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/
const groupedNumber = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const scaled = /^(-?[\d.,]+(?:e[+-]?\d+)?)\s*([a-z]+)?$/

/**
 * One amount with an optional scale word: "1,200" → 1200, "$2.5M" → 2500000, "12k" → 12000.
 * Thousands separators must group by three, so "1,5" (a decimal comma) is refused rather
 * than read as 15.
 *
 * @example
 * parseAmount('$2.5M') // 2500000
 * parseAmount('1,5') // undefined
 */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.toLowerCase().replace(currencyMarks, '').replace(/\s+/g, ' ').trim()
  const match = scaled.exec(cleaned)
  if (!match) return undefined
  const [, digits = '', word] = match
  const multiplier = word === undefined ? 1 : scaleWords[word]
  if (multiplier === undefined) return undefined
  let number: number
  if (plainNumber.test(digits)) number = Number(digits)
  else if (groupedNumber.test(digits)) number = Number(digits.replaceAll(',', ''))
  else return undefined
  const value = number * multiplier
  // Scaling "2.5" by a million gives 2499999.9999999995; CRM amounts are never that precise.
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : undefined
}

const rangeSeparator = /\s*(?:-|–|—|\bto\b)\s*/

/**
 * A number or a range. Ranges are "50-200", "50 to 200", "$1M – $10M", "1000+",
 * "<1M" and "under 1M" (low end 0: counts and amounts are never negative).
 *
 * @example
 * parseQuantity('1,200') // { kind: 'number', value: 1200 }
 * parseQuantity('50-200') // { kind: 'range', low: 50, high: 200 }
 * parseQuantity('1000+') // { kind: 'range', low: 1000, high: undefined }
 */
export function parseQuantity(text: string): Quantity | undefined {
  const trimmed = text.trim()
  // No quantity is written in 60 characters; longer text is not worth the regexes' time.
  if (trimmed === '' || trimmed.length > 60) return undefined
  const single = parseAmount(trimmed)
  if (single !== undefined) return { kind: 'number', value: single }

  const openHigh = /^(.+?)\s*(?:\+|or more|and above|and over)$/i.exec(trimmed)
  if (openHigh) {
    const low = parseAmount(openHigh[1]!)
    return low === undefined ? undefined : { kind: 'range', low, high: undefined }
  }
  const openLow = /^(?:<|under|less than|below)\s*(.+)$/i.exec(trimmed)
  if (openLow) {
    const high = parseAmount(openLow[1]!)
    return high === undefined || high < 0 ? undefined : { kind: 'range', low: 0, high }
  }
  // A leading minus is a sign, not a separator: split after the first character.
  const parts = trimmed.slice(1).split(rangeSeparator)
  if (parts.length !== 2) return undefined
  const low = parseAmount(trimmed[0]! + parts[0]!)
  const high = parseAmount(parts[1]!)
  if (low === undefined || high === undefined || low > high) return undefined
  return { kind: 'range', low, high }
}
