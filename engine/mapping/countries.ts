/**
 * Country names as people type them ("USA", "United States", "Deutschland") → ISO 3166-1
 * alpha-2 codes, the form the field catalog and the region lookup use. English names come
 * from Intl (so every current code is known without a table to maintain); the aliases below
 * are the spellings CRM exports are full of that Intl does not produce.
 */

// Codes Intl names that are not countries (EU, UN, test regions) or no longer exist.
const notCountries = new Set(
  'AA AC AN BU CP CS DD DG EA EU EZ FX IC NT QO QU SU TA TP UK UN XA XB YD YU ZR ZZ'.split(' '),
)

const aliases: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'u s': 'US',
  'u s a': 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  korea: 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  turkey: 'TR',
  'czech republic': 'CZ',
  'russian federation': 'RU',
  'viet nam': 'VN',
  holland: 'NL',
  'the netherlands': 'NL',
  deutschland: 'DE',
  uae: 'AE',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  macedonia: 'MK',
  burma: 'MM',
  vatican: 'VA',
  'republic of china': 'TW',
  'iran islamic republic of': 'IR',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  palestine: 'PS',
  'cabo verde': 'CV',
}

/** Lower-case, no accents or punctuation, "&" read as "and": "Côte d’Ivoire" → "cote divoire". */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>()
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second)
      if (notCountries.has(code)) continue
      const name = names.of(code)
      if (name === undefined || name === code) continue
      index.set(code.toLowerCase(), code)
      index.set(nameKey(name), code)
    }
  }
  for (const [alias, code] of Object.entries(aliases)) index.set(alias, code)
  return index
}

let countryIndex: Map<string, string> | undefined

/**
 * The ISO 3166-1 alpha-2 code for a country name or code, or undefined when the text names
 * no country ("unknown", "Asia/Pacific Region").
 *
 * @example
 * countryCode('United States') // 'US'
 * countryCode('usa') // 'US'
 * countryCode('Asia/Pacific Region') // undefined
 */
export function countryCode(text: string): string | undefined {
  countryIndex ??= buildIndex()
  return countryIndex.get(nameKey(text))
}
