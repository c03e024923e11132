import { employeeBands, revenueBands } from '../catalog-values.ts'
import { countryCode } from './countries.ts'
import { parseQuantity, type Quantity } from './parse-quantity.ts'
import type { FactColumn } from './schema.ts'

/** A value that is there but cannot become the fact: the fact is missing and this is reported. */
export class Unconvertible {
  constructor(readonly message: string) {}
}

/**
 * Turns one source cell into a fact value. Answers `undefined` for "not given" (blank, a
 * missing marker such as "Select", a value mapped to null) and an `Unconvertible` for a
 * value that cannot be read as the column's type.
 */
export type Converter = (raw: unknown) => unknown

/** How value-map keys and missing markers are compared: trimmed, any case, "_" as a space. */
export const valueKey = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')

/**
 * Builds the converter for one mapped column. `sharedMissing` are the markers that mean
 * "not given" in every column of the mapping.
 *
 * @example
 * const toNumber = converterFor(factColumnSchema.parse({ column: 'Employees', type: 'number' }), [])
 * toNumber('1,200') // 1200
 * toNumber('') // undefined
 */
export function converterFor(spec: FactColumn, sharedMissing: readonly string[]): Converter {
  const missing = new Set([...sharedMissing, ...(spec.missing ?? [])].map(valueKey))
  const valueMap = spec.values
    ? new Map(Object.entries(spec.values).map(([key, value]) => [valueKey(key), value]))
    : undefined
  const strict = spec.unmapped === 'missing'
  const convert = typed(spec)

  const one = (raw: unknown): unknown => {
    if (raw === undefined || raw === null) return undefined
    let text: string | undefined
    if (typeof raw === 'string') {
      if (raw === '' || raw.trim() === '') return undefined
      if (missing.size > 0 && missing.has(valueKey(raw))) return undefined
      text = raw
    } else if (typeof raw === 'number' || typeof raw === 'boolean') {
      text = String(raw)
    } else if (!Array.isArray(raw)) {
      return new Unconvertible(`expected a ${spec.type}, found ${describe(raw)}`)
    }
    if (valueMap && text !== undefined) {
      const mapped = valueMap.get(valueKey(text))
      if (mapped !== undefined) return mapped === null ? undefined : mapped
      if (strict) return new Unconvertible(`"${text.trim()}" is not in the value map`)
    }
    return convert(raw)
  }

  if (spec.type !== 'list') return one
  const separator = spec.separator ?? ';'
  return (raw) => {
    if (raw === undefined || raw === null) return undefined
    const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(separator) : [raw]
    const values: unknown[] = []
    for (const item of items) {
      const value = one(item)
      if (value instanceof Unconvertible) return value
      if (value !== undefined && !values.includes(value)) values.push(value)
    }
    return values.length === 0 ? undefined : values
  }
}

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list'
  return typeof raw === 'object' ? 'an object' : typeof raw
}

function typed(spec: FactColumn): Converter {
  switch (spec.type) {
    case 'string':
    case 'list':
      return textConverter(spec.normalize)
    case 'number':
      return (raw) => numberOf(raw, spec.range)
    case 'boolean':
      return booleanOf
    case 'date':
      return (raw) => dateOf(raw, spec.dateOrder)
    case 'band':
      return (raw) => bandOf(raw, spec.scale)
  }
}

function textConverter(normalize: FactColumn['normalize']): Converter {
  return (raw) => {
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      return new Unconvertible(`expected text, found ${describe(raw)}`)
    }
    const text = String(raw).trim()
    switch (normalize) {
      case undefined:
        return text
      case 'lowercase':
        return text.toLowerCase()
      case 'uppercase':
        return text.toUpperCase()
      case 'country':
        return countryCode(text) ?? new Unconvertible(`"${text}" is not a country name or code`)
      case 'domain':
        return domainOf(text) ?? new Unconvertible(`"${text}" is not a web address or domain`)
    }
  }
}

/** "https://www.Acme.com/about" → "acme.com"; an email gives its domain. */
function domainOf(text: string): string | undefined {
  const at = text.lastIndexOf('@')
  let host = at >= 0 ? text.slice(at + 1) : text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  host = host.split(/[/?#]/, 1)[0]!.replace(/:\d+$/, '').toLowerCase()
  if (host.startsWith('www.')) host = host.slice(4)
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined
}

const simpleNumber = /^-?\d{1,15}(?:\.\d{1,15})?$/

function numberOf(raw: unknown, range: FactColumn['range']): unknown {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? raw : new Unconvertible(`${raw} is not a finite number`)
  }
  if (typeof raw !== 'string') return new Unconvertible(`expected a number, found ${describe(raw)}`)
  // Most cells are plain digits; they skip the general parser, which is five times slower.
  if (simpleNumber.test(raw)) return Number(raw)
  const quantity = parseQuantity(raw)
  if (quantity === undefined) return new Unconvertible(`"${raw.trim()}" is not a number`)
  if (quantity.kind === 'number') return quantity.value
  const { low, high } = quantity
  switch (range) {
    case 'low':
      return low
    case 'mid':
      return high === undefined ? low : (low + high) / 2
    case 'high':
      return high ?? new Unconvertible(`"${raw.trim()}" has no upper end`)
    case 'missing':
      return new Unconvertible(`"${raw.trim()}" is a range, not one number`)
  }
}

const trueWords = new Set(['true', 'yes', 'y', '1', 't', 'on', 'checked'])
const falseWords = new Set(['false', 'no', 'n', '0', 'f', 'off', 'unchecked'])

function booleanOf(raw: unknown): unknown {
  if (typeof raw === 'boolean') return raw
  const word = String(raw).trim().toLowerCase()
  if (trueWords.has(word)) return true
  if (falseWords.has(word)) return false
  return new Unconvertible(`"${String(raw).trim()}" is not yes/no`)
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/
const isoDateTime =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i
const separatedDate = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/

/**
 * ISO dates stay as "YYYY-MM-DD"; date-times become UTC ISO strings (a time without a zone
 * is read as UTC so a run gives the same answer on every machine); epoch numbers (seconds,
 * or milliseconds as HubSpot sends them) become date-times; "03/04/2024" needs `dateOrder`.
 */
function dateOf(raw: unknown, order: FactColumn['dateOrder']): unknown {
  const text = String(raw).trim()
  if (typeof raw === 'number' || /^\d{9,13}$/.test(text)) {
    const number = Number(text)
    const date = new Date(number < 1e11 ? number * 1000 : number)
    return Number.isNaN(date.getTime())
      ? new Unconvertible(`"${text}" is not a date`)
      : date.toISOString()
  }
  const iso = isoDate.exec(text)
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? notADate(text)
  const dateTime = isoDateTime.exec(text)
  if (dateTime) {
    const [, day, time, zone = 'Z'] = dateTime
    const date = new Date(`${day}T${time}${zone.toUpperCase()}`)
    return Number.isNaN(date.getTime()) ? notADate(text) : date.toISOString()
  }
  const parts = separatedDate.exec(text)
  if (!parts) return notADate(text)
  if (!order) return new Unconvertible(`"${text}" could be day-first or month-first; set dateOrder`)
  const [a, b, c] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a]
  if (year < 1000) return new Unconvertible(`"${text}" needs a four-digit year`)
  return validDate(year, month, day) ?? notADate(text)
}

const notADate = (text: string) => new Unconvertible(`"${text}" is not a date`)

function validDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined
  }
  return date.toISOString().slice(0, 10)
}

const bandScales = { employees: employeeBands, revenue: revenueBands } as const

/**
 * A band label. With a scale, the catalog band holding the value or the whole range ("50-200"
 * → "51-200"; a range may touch the band below at its low end, as CRM bands like "50-100"
 * do); a range across two bands is refused rather than guessed. Without a scale, the band
 * in one spelling: "1,000 - 5,000" → "1000-5000".
 */
function bandOf(raw: unknown, scale: FactColumn['scale']): unknown {
  const text = String(raw).trim()
  const quantity =
    typeof raw === 'number' ? ({ kind: 'number', value: raw } as const) : parseQuantity(text)
  if (quantity === undefined) return new Unconvertible(`"${text}" is not a number or a band`)
  if (scale === undefined) return canonicalBand(quantity)
  let below = 0
  for (const band of bandScales[scale]) {
    if (quantity.kind === 'number') {
      if (quantity.value >= 0 && quantity.value <= band.max) return band.value
    } else if (below <= quantity.low && (quantity.high ?? Infinity) <= band.max) {
      return band.value
    }
    below = band.max
  }
  return new Unconvertible(`"${text}" does not fall in one ${scale} band`)
}

function canonicalBand(quantity: Quantity): string {
  if (quantity.kind === 'number') return String(quantity.value)
  return quantity.high === undefined ? `${quantity.low}+` : `${quantity.low}-${quantity.high}`
}
