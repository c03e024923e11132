import { countryRegion, employeeBands, revenueBands, type Region } from './catalog-values.ts'
import { hasPhrase, wordsOf } from './operators.ts'

/**
 * Facts users expect without sending them: seniority and function read from a free-text
 * title, size bands from numbers, the email's domain, the region of a country. Each is
 * used only when the lead does not carry the fact itself.
 */

type PhraseTable = readonly (readonly [string, readonly string[]])[]

const seniorityPhrases: PhraseTable = [
  // Vice president first: "vice president" must not be read as "president".
  ['vp', ['vp', 'svp', 'evp', 'avp', 'vice president', 'vice-president']],
  [
    'c-level',
    [
      'chief',
      'ceo',
      'cfo',
      'cto',
      'cio',
      'cmo',
      'coo',
      'ciso',
      'cro',
      'founder',
      'owner',
      'president',
      'partner',
    ],
  ],
  ['director', ['director', 'head of', 'head']],
  ['manager', ['manager', 'mgr', 'lead', 'supervisor', 'principal']],
  ['entry', ['intern', 'student', 'trainee', 'junior', 'apprentice', 'assistant']],
]

const functionPhrases: PhraseTable = [
  [
    'marketing',
    ['marketing', 'cmo', 'brand', 'demand generation', 'growth', 'content', 'communications'],
  ],
  [
    'sales',
    [
      'sales',
      'cro',
      'account executive',
      'business development',
      'bdr',
      'sdr',
      'revenue',
      'account manager',
    ],
  ],
  [
    'it',
    [
      'it',
      'cio',
      'ciso',
      'information technology',
      'systems',
      'infrastructure',
      'network',
      'security',
    ],
  ],
  [
    'engineering',
    ['engineering', 'engineer', 'developer', 'software', 'cto', 'devops', 'architect'],
  ],
  [
    'finance',
    ['finance', 'financial', 'cfo', 'controller', 'accounting', 'accountant', 'procurement'],
  ],
  ['hr', ['hr', 'human resources', 'people', 'talent', 'recruiting', 'recruiter']],
  [
    'operations',
    ['operations', 'coo', 'supply chain', 'logistics', 'change management', 'facilities'],
  ],
  [
    'executive',
    ['ceo', 'founder', 'owner', 'president', 'managing director', 'general manager', 'chief'],
  ],
]

const splitTable = (table: PhraseTable) =>
  table.map(([value, phrases]) => [value, phrases.map(wordsOf)] as const)
const seniorityTable = splitTable(seniorityPhrases)
const functionTable = splitTable(functionPhrases)

function classify(title: unknown, table: ReturnType<typeof splitTable>): string | undefined {
  if (typeof title !== 'string' || title.trim() === '') return undefined
  const words = wordsOf(title)
  for (const [value, phrases] of table) {
    if (phrases.some((phrase) => hasPhrase(words, phrase))) return value
  }
  return undefined
}

/** Seniority level from a job title; a title with no known marker is an individual contributor. */
export function seniorityFromTitle(title: unknown): string | undefined {
  if (typeof title !== 'string' || title.trim() === '') return undefined
  return classify(title, seniorityTable) ?? 'individual'
}

/** Job function from a job title, or "other". */
export function functionFromTitle(title: unknown): string | undefined {
  if (typeof title !== 'string' || title.trim() === '') return undefined
  return classify(title, functionTable) ?? 'other'
}

function band(
  value: unknown,
  bands: readonly { value: string; max: number }[],
): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined
  return bands.find((candidate) => value <= candidate.max)?.value
}

/** Employee band as CRMs show it: 12 → "11-50". */
export const employeeBandOf = (employees: unknown) => band(employees, employeeBands)

/** Revenue band: 2_500_000 → "1M-10M". */
export const revenueBandOf = (revenue: unknown) => band(revenue, revenueBands)

/** "Jane@Acme.com" → "acme.com". */
export function emailDomainOf(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined
  const at = email.lastIndexOf('@')
  const domain =
    at < 0
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase()
  return domain === '' ? undefined : domain
}

export function regionOf(country: unknown): Region | undefined {
  return typeof country === 'string' ? countryRegion.get(country.toUpperCase()) : undefined
}
