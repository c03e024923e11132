/**
 * Value lists the field catalog offers as pick-lists: industries (NAICS 2022 sectors),
 * countries (ISO 3166-1 alpha-2) grouped into sales regions, seniority and size bands.
 * Labels carry no commas: reasons list them ("one of Retail trade, Finance and insurance or
 * Professional services"), and a comma inside a label would read as two values.
 */

export const industries = [
  { value: 'agriculture', label: 'Agriculture and forestry', naics: '11' },
  { value: 'mining', label: 'Mining and oil and gas extraction', naics: '21' },
  { value: 'utilities', label: 'Utilities', naics: '22' },
  { value: 'construction', label: 'Construction', naics: '23' },
  { value: 'manufacturing', label: 'Manufacturing', naics: '31-33' },
  { value: 'wholesale', label: 'Wholesale trade', naics: '42' },
  { value: 'retail', label: 'Retail trade', naics: '44-45' },
  { value: 'transportation', label: 'Transportation and warehousing', naics: '48-49' },
  { value: 'information', label: 'Information and software', naics: '51' },
  { value: 'finance', label: 'Finance and insurance', naics: '52' },
  { value: 'real-estate', label: 'Real estate and rental and leasing', naics: '53' },
  { value: 'professional-services', label: 'Professional services', naics: '54' },
  { value: 'management', label: 'Management of companies and enterprises', naics: '55' },
  { value: 'administrative', label: 'Administrative and support services', naics: '56' },
  { value: 'education', label: 'Educational services', naics: '61' },
  { value: 'healthcare', label: 'Health care and social assistance', naics: '62' },
  { value: 'arts', label: 'Arts, entertainment, and recreation', naics: '71' },
  { value: 'hospitality', label: 'Accommodation and food services', naics: '72' },
  { value: 'other-services', label: 'Other services', naics: '81' },
  { value: 'public-administration', label: 'Public administration', naics: '92' },
] as const

export const regions = [
  { value: 'NA', label: 'North America' },
  { value: 'LATAM', label: 'Latin America' },
  { value: 'EMEA', label: 'EMEA' },
  { value: 'APAC', label: 'Asia Pacific' },
] as const
export type Region = (typeof regions)[number]['value']

const countryCodesByRegion: Record<Region, string> = {
  NA: 'US CA BM GL PM',
  LATAM:
    'MX GT BZ SV HN NI CR PA CU DO HT JM TT BB BS AG DM GD KN LC VC PR AR BO BR CL CO EC GY PY PE SR UY VE',
  EMEA: 'GB IE FR DE NL BE LU CH AT IT ES PT DK NO SE FI IS PL CZ SK HU RO BG GR CY MT SI HR BA RS ME MK AL XK EE LV LT UA BY MD RU TR GE AM AZ IL PS JO LB SY IQ IR SA AE QA BH KW OM YE EG LY TN DZ MA NG GH CI SN KE ET TZ UG RW ZA NA BW ZW ZM MZ AO CM MC LI AD SM VA',
  APAC: 'CN JP KR KP TW HK MO MN IN PK BD LK NP BT MV AF KZ UZ KG TJ TM SG MY ID TH VN PH KH LA MM BN TL AU NZ PG FJ',
}

export const countryRegion: ReadonlyMap<string, Region> = new Map(
  (Object.entries(countryCodesByRegion) as [Region, string][]).flatMap(([region, codes]) =>
    codes.split(' ').map((code) => [code, region] as [string, Region]),
  ),
)

export const countryCodes: readonly string[] = [...countryRegion.keys()].sort()

export const seniorityLevels = [
  { value: 'c-level', label: 'C-level' },
  { value: 'vp', label: 'Vice president' },
  { value: 'director', label: 'Director' },
  { value: 'manager', label: 'Manager' },
  { value: 'individual', label: 'Individual contributor' },
  { value: 'entry', label: 'Entry level' },
] as const

export const jobFunctions = [
  'executive',
  'marketing',
  'sales',
  'it',
  'engineering',
  'finance',
  'operations',
  'hr',
  'other',
] as const

export const employeeBands = [
  { value: '1-10', max: 10 },
  { value: '11-50', max: 50 },
  { value: '51-200', max: 200 },
  { value: '201-500', max: 500 },
  { value: '501-1000', max: 1000 },
  { value: '1001-5000', max: 5000 },
  { value: '5001-10000', max: 10_000 },
  { value: '10001+', max: Infinity },
] as const

export const revenueBands = [
  { value: '<1M', max: 1e6 },
  { value: '1M-10M', max: 1e7 },
  { value: '10M-50M', max: 5e7 },
  { value: '50M-100M', max: 1e8 },
  { value: '100M-500M', max: 5e8 },
  { value: '500M-1B', max: 1e9 },
  { value: '1B+', max: Infinity },
] as const

export const authorityLevels = ['decision-maker', 'influencer', 'evaluator', 'none'] as const
export const needLevels = ['confirmed', 'likely', 'unclear', 'none'] as const
export const leadSources = [
  'web',
  'event',
  'referral',
  'partner',
  'paid',
  'purchased-list',
  'outbound',
  'phone',
  'other',
] as const
