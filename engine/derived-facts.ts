import { countryRegion, employeeBands, revenueBands, type Region } from './catalog-values.ts'
import { phraseMatcher, wordsOf } from './operators.ts'

/**
 * Facts users expect without sending them: seniority and function read from a free-text
 * title, size bands from numbers, the email's domain, the region of a country. Each is
 * used only when the lead does not carry the fact itself.
 */

type PhraseTable = readonly (readonly [string, readonly string[]])[]

/**
 * The longest phrase found in a title wins ("vice president" over "president", "product
 * owner" over "owner", "chief technology officer" over "chief"); between phrases of the
 * same length, the earlier row wins. A value may have several rows to rank weak markers
 * ("partner") below stronger ones ("manager" in "Partner Marketing Manager").
 */
const seniorityPhrases: PhraseTable = [
  // Roles whose words look senior but are not: read them before the markers they contain.
  [
    'individual',
    [
      'product owner',
      'process owner',
      'business partner',
      'executive assistant',
      'assistant to',
      'account executive',
    ],
  ],
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
      'chairman',
      'chairwoman',
      'managing partner',
    ],
  ],
  ['director', ['director', 'head of', 'head']],
  ['manager', ['manager', 'mgr', 'lead', 'supervisor']],
  ['entry', ['intern', 'student', 'trainee', 'junior', 'apprentice', 'assistant']],
  ['c-level', ['partner']],
]

const functionPhrases: PhraseTable = [
  [
    'marketing',
    [
      'marketing',
      'cmo',
      'chief marketing officer',
      'brand',
      'demand generation',
      'growth',
      'content',
      'communications',
    ],
  ],
  [
    'sales',
    [
      'sales',
      'cro',
      'chief revenue officer',
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
      'chief information officer',
      'ciso',
      'chief information security officer',
      'information technology',
      'technology',
      'systems',
      'infrastructure',
      'network',
      'security',
    ],
  ],
  [
    'engineering',
    [
      'engineering',
      'engineer',
      'developer',
      'software',
      'cto',
      'chief technology officer',
      'devops',
      'architect',
    ],
  ],
  [
    'finance',
    [
      'finance',
      'financial',
      'cfo',
      'chief financial officer',
      'controller',
      'accounting',
      'accountant',
      'procurement',
      'purchasing',
    ],
  ],
  [
    'hr',
    [
      'hr',
      'human resources',
      'people',
      'chief people officer',
      'talent',
      'recruiting',
      'recruiter',
    ],
  ],
  [
    'operations',
    [
      'operations',
      'coo',
      'chief operating officer',
      'supply chain',
      'logistics',
      'change management',
      'facilities',
      'production',
      'warehouse',
    ],
  ],
  [
    'executive',
    [
      'ceo',
      'chief executive officer',
      'founder',
      'owner',
      'president',
      'managing director',
      'general manager',
      'chairman',
      'chairwoman',
      'chief',
    ],
  ],
  ['other', ['product owner', 'executive assistant', 'assistant to']],
]

const splitTable = (table: PhraseTable) =>
  table.map(([value, phrases]) => [value, phrases.map((phrase) => phraseMatcher(phrase))] as const)
const seniorityTable = splitTable(seniorityPhrases)
const functionTable = splitTable(functionPhrases)

function classify(title: unknown, table: ReturnType<typeof splitTable>): string | undefined {
  if (typeof title !== 'string' || title.trim() === '') return undefined
  const words = wordsOf(title)
  let best: string | undefined
  let bestLength = 0
  for (const [value, phrases] of table) {
    for (const phrase of phrases) {
      if (phrase.words.length > bestLength && phrase.matches(words)) {
        best = value
        bestLength = phrase.words.length
      }
    }
  }
  return best
}

/**
 * `classify` remembering its answers for recent titles. Titles repeat a great deal (a CRM
 * export has a few thousand distinct titles for hundreds of thousands of leads), and
 * classifying one means splitting it into words and trying every phrase of the table.
 */
function rememberedClassifier(table: ReturnType<typeof splitTable>, fallback: string) {
  const known = new Map<string, string>()
  return (title: unknown): string | undefined => {
    if (typeof title !== 'string') return undefined
    let value = known.get(title)
    if (value !== undefined) return value
    if (title.trim() === '') return undefined
    value = classify(title, table) ?? fallback
    if (known.size >= TITLE_MEMO_LIMIT) known.clear()
    known.set(title, value)
    return value
  }
}

const TITLE_MEMO_LIMIT = 4096

/** Seniority level from a job title; a title with no known marker is an individual contributor. */
export const seniorityFromTitle = rememberedClassifier(seniorityTable, 'individual')

/** Job function from a job title, or "other". */
export const functionFromTitle = rememberedClassifier(functionTable, 'other')

/** Employee band as CRMs show it, bounds included: 10 → "1-10", 11 → "11-50". */
export function employeeBandOf(employees: unknown): string | undefined {
  if (typeof employees !== 'number' || !Number.isFinite(employees) || employees < 0)
    return undefined
  return employeeBands.find((band) => employees <= band.max)?.value
}

/**
 * Revenue band; a band starts at its lower bound ("<1M" ends before 1,000,000, so exactly
 * $1M is "1M-10M"): 999_999 → "<1M", 1_000_000 → "1M-10M".
 */
export function revenueBandOf(revenue: unknown): string | undefined {
  if (typeof revenue !== 'number' || !Number.isFinite(revenue) || revenue < 0) return undefined
  return revenueBands.find((band) => revenue < band.max)?.value
}

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

/**
 * Names CRMs write instead of ISO codes (English names, common aliases), lower-case, to their
 * code. Made on first use: Intl.DisplayNames took 8-25 ms to set up (ICU's region names),
 * which every start of the CLI, its workers and the server paid, though most CRMs send codes.
 */
let countryAliases: ReadonlyMap<string, string> | undefined

function countryAliasMap(): ReadonlyMap<string, string> {
  const names = new Intl.DisplayNames(['en'], { type: 'region' })
  const aliases = new Map<string, string>()
  for (const code of countryRegion.keys()) {
    const name = names.of(code)
    if (name && name !== code) aliases.set(name.toLowerCase(), code)
  }
  const common: [string, string][] = [
    ['usa', 'US'],
    ['u.s.', 'US'],
    ['u.s.a.', 'US'],
    ['united states of america', 'US'],
    ['uk', 'GB'],
    ['england', 'GB'],
    ['great britain', 'GB'],
    ['uae', 'AE'],
    ['south korea', 'KR'],
    ['russia', 'RU'],
  ]
  for (const [alias, code] of common) aliases.set(alias, code)
  return aliases
}

/**
 * Sales region of a country, from its ISO code ("de", "DE") or its English name ("Germany",
 * "USA"), as CRMs hold either.
 */
export function regionOf(country: unknown): Region | undefined {
  if (typeof country !== 'string') return undefined
  const text = country.trim()
  const upper = text.toUpperCase()
  const code = countryRegion.has(upper)
    ? upper
    : (countryAliases ??= countryAliasMap()).get(text.toLowerCase())
  return code === undefined ? undefined : countryRegion.get(code)
}
