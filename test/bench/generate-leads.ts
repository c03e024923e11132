/**
 * Deterministic lead files for benchmarks: the same seed gives the same leads, in CSV with
 * fact paths as the header, so `leadgate evaluate` reads them without a mapping.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

const titles = [
  'VP Sales',
  'Director of IT Operations',
  'Chief Executive Officer',
  'Marketing Manager',
  'Software Engineer',
  'Head of Change Management',
  'Intern',
  'Owner',
  'Senior Vice President, Operations',
  '',
]
const industries = [
  'manufacturing',
  'finance',
  'healthcare',
  'information',
  'retail',
  'education',
  '',
]
const countries = ['US', 'DE', 'GB', 'FR', 'JP', 'BR', 'CA', 'IN', '']
const domains = [
  'northwind.com',
  'contoso.com',
  'gmail.com',
  'collabrix.com',
  'fabrikam.io',
  'example.org',
]
const technology = ['salesforce;slack', 'microsoft-365', 'sap', 'hubspot;google-workspace', '']
const authority = ['decision-maker', 'influencer', 'evaluator', 'none', '']
const need = ['confirmed', 'likely', 'unclear', 'none', '']

export const leadColumns = [
  'id',
  'contact.title',
  'contact.email',
  'company.employees',
  'company.industry',
  'company.country',
  'company.locations',
  'technology.installed',
  'bant.budget',
  'bant.authority',
  'bant.need',
  'bant.timelineMonths',
  'engagement.visits',
  'engagement.downloads',
]

/** A small, fast, seedable PRNG (mulberry32); Math.random cannot be seeded. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

/** Writes `count` leads to `path` as CSV; answers when the file is complete. */
export async function writeLeadsCsv(path: string, count: number, seed = 42): Promise<void> {
  const next = random(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
  const maybe = (value: number) => (next() < 0.15 ? '' : String(value))
  const out = createWriteStream(path)
  let chunk = `${leadColumns.join(',')}\r\n`
  for (let at = 1; at <= count; at++) {
    const row = [
      `L-${at}`,
      pick(titles),
      `person${at}@${pick(domains)}`,
      maybe(Math.floor(next() ** 2 * 20_000)),
      pick(industries),
      pick(countries),
      maybe(Math.floor(next() * 12)),
      pick(technology),
      maybe(Math.floor(next() * 100) * 1000),
      pick(authority),
      pick(need),
      maybe(Math.floor(next() * 24)),
      maybe(Math.floor(next() * 10)),
      maybe(Math.floor(next() * 4)),
    ]
    chunk += `${row.map(quote).join(',')}\r\n`
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
}
