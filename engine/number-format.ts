/**
 * Numbers as en-US writes them with at most two decimals ("1,234", "2.5", "-0.13"), and no
 * minus sign on a number that reads as zero ("0" for -0 and -0.001, not "-0"): the same text
 * as `Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'negative' })`, which costs
 * about half a microsecond per call, too much for a decision that formats a dozen numbers.
 * Like Intl, it rounds the shortest decimal form of the number half away from zero
 * (1.005 → "1.01"). Numbers in exponent form and non-finite ones still go to Intl.
 * test/engine/number-format.test.ts compares both over millions of values.
 */

const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'negative' })

/**
 * @example
 * formatCount(1234.567) // '1,234.57'
 * formatCount(-0.001) // '0'
 */
export function formatCount(value: number): string {
  const negative = value < 0 || Object.is(value, -0)
  const magnitude = negative ? -value : value
  if (Number.isInteger(magnitude) && magnitude <= Number.MAX_SAFE_INTEGER) {
    return signed(negative, grouped(String(magnitude)))
  }
  const text = String(magnitude)
  if (!(magnitude < 1e15) || text.includes('e')) return intl.format(value)
  const point = text.indexOf('.')
  let whole = text.slice(0, point)
  let fraction = text.slice(point + 1)
  if (fraction.length > 2) {
    const roundUp = fraction.charCodeAt(2) >= 53
    fraction = fraction.slice(0, 2)
    if (roundUp) {
      const digits = increment(whole + fraction)
      whole = digits.slice(0, -2)
      fraction = digits.slice(-2)
    }
  }
  if (fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  if (fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  return signed(negative, fraction === '' ? grouped(whole) : `${grouped(whole)}.${fraction}`)
}

const signed = (negative: boolean, text: string) => (negative && text !== '0' ? `-${text}` : text)

/** "1234567" → "1,234,567". */
function grouped(whole: string): string {
  if (whole.length <= 3) return whole
  const head = whole.length % 3 || 3
  let text = whole.slice(0, head)
  for (let at = head; at < whole.length; at += 3) text += `,${whole.slice(at, at + 3)}`
  return text
}

/** Adds one to a string of decimal digits: "0999" → "1000", "99" → "100". */
function increment(digits: string): string {
  let at = digits.length - 1
  while (at >= 0 && digits[at] === '9') at--
  const carried = '0'.repeat(digits.length - 1 - at)
  if (at < 0) return `1${carried}`
  return `${digits.slice(0, at)}${String.fromCharCode(digits.charCodeAt(at) + 1)}${carried}`
}
