import {
  authorityLevels,
  countryCodes,
  employeeBands,
  industries,
  jobFunctions,
  leadSources,
  needLevels,
  regions,
  revenueBands,
  seniorityLevels,
} from './catalog-values.ts'
import {
  emailDomainOf,
  employeeBandOf,
  functionFromTitle,
  regionOf,
  revenueBandOf,
  seniorityFromTitle,
} from './derived-facts.ts'
import { factReader, isMissing } from './fact-path.ts'
import type { FactType } from './operators.ts'
import type { CustomField, Ruleset } from './schema/ruleset.ts'

export const fieldCategories = ['Contact', 'Company', 'Technology', 'BANT', 'Engagement'] as const
export type FieldCategory = (typeof fieldCategories)[number] | string

/** How a value is written in a sentence. */
export type ValueFormat = 'plain' | 'count' | 'currency' | 'months' | 'seconds'

export interface FieldOption {
  value: string
  label: string
}

export interface FieldSpec {
  path: string
  type: FactType
  label: string
  category: FieldCategory
  example: string | number | boolean | string[]
  format?: ValueFormat
  /** Pick-list for enum fields. */
  options?: readonly FieldOption[]
  /**
   * A sentence about a known value, `{value}` replaced and `{one|many}` chosen by the value:
   * "Company has {value} {employee|employees}".
   */
  phrase?: string
  /** The field this one is computed from when the lead does not carry it. */
  derivedFrom?: string
  derive?: (source: unknown) => unknown
  help?: string
}

const option = (value: string, label = value): FieldOption => ({ value, label })

const acronyms: Readonly<Record<string, string>> = { it: 'IT', hr: 'HR' }

/** A slug as people write it in a sentence: "decision-maker" → "Decision maker", "it" → "IT". */
const wordOption = (value: string): FieldOption =>
  option(
    value,
    acronyms[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' '),
  )
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' })
const countryOptions = countryCodes.map((code) => option(code, countryNames.of(code) ?? code))

const builtInFields: FieldSpec[] = [
  {
    path: 'contact.firstName',
    type: 'string',
    label: 'First name',
    category: 'Contact',
    example: 'Bertha',
  },
  {
    path: 'contact.lastName',
    type: 'string',
    label: 'Last name',
    category: 'Contact',
    example: 'Boxer',
  },
  {
    path: 'contact.email',
    type: 'string',
    label: 'Email',
    category: 'Contact',
    example: 'bertha@fcof.net',
  },
  {
    path: 'contact.emailDomain',
    type: 'string',
    label: 'Email domain',
    category: 'Contact',
    example: 'fcof.net',
    derivedFrom: 'contact.email',
    derive: emailDomainOf,
  },
  {
    path: 'contact.phone',
    type: 'string',
    label: 'Phone',
    category: 'Contact',
    example: '(850) 644-4200',
  },
  {
    path: 'contact.title',
    type: 'string',
    label: 'Job title',
    category: 'Contact',
    example: 'Director of Vendor Relations',
    phrase: 'Job title is "{value}"',
  },
  {
    path: 'contact.seniority',
    type: 'enum',
    label: 'Seniority',
    category: 'Contact',
    example: 'director',
    options: seniorityLevels,
    derivedFrom: 'contact.title',
    derive: seniorityFromTitle,
  },
  {
    path: 'contact.function',
    type: 'enum',
    label: 'Job function',
    category: 'Contact',
    example: 'marketing',
    options: jobFunctions.map(wordOption),
    derivedFrom: 'contact.title',
    derive: functionFromTitle,
  },
  {
    path: 'contact.country',
    type: 'enum',
    label: 'Contact country',
    category: 'Contact',
    example: 'US',
    options: countryOptions,
  },
  {
    path: 'contact.doNotEmail',
    type: 'boolean',
    label: 'Do not email',
    category: 'Contact',
    example: false,
  },
  {
    path: 'contact.doNotCall',
    type: 'boolean',
    label: 'Do not call',
    category: 'Contact',
    example: false,
  },
  {
    path: 'company.name',
    type: 'string',
    label: 'Company',
    category: 'Company',
    example: 'Farmers Coop. of Florida',
  },
  {
    path: 'company.domain',
    type: 'string',
    label: 'Company domain',
    category: 'Company',
    example: 'fcof.net',
  },
  {
    path: 'company.employees',
    type: 'number',
    label: 'Employees',
    category: 'Company',
    example: 120,
    format: 'count',
    phrase: 'Company has {value} {employee|employees}',
  },
  {
    path: 'company.sizeBand',
    type: 'enum',
    label: 'Company size band',
    category: 'Company',
    example: '51-200',
    options: employeeBands.map((band) => option(band.value)),
    derivedFrom: 'company.employees',
    derive: employeeBandOf,
  },
  {
    path: 'company.revenue',
    type: 'number',
    label: 'Annual revenue',
    category: 'Company',
    example: 25_000_000,
    format: 'currency',
    phrase: 'Annual revenue is {value}',
  },
  {
    path: 'company.revenueBand',
    type: 'enum',
    label: 'Revenue band',
    category: 'Company',
    example: '10M-50M',
    options: revenueBands.map((band) => option(band.value)),
    derivedFrom: 'company.revenue',
    derive: revenueBandOf,
  },
  {
    path: 'company.industry',
    type: 'enum',
    label: 'Industry',
    category: 'Company',
    example: 'manufacturing',
    options: industries,
  },
  {
    path: 'company.locations',
    type: 'number',
    label: 'Number of locations',
    category: 'Company',
    example: 3,
    format: 'count',
    phrase: 'Company has {value} {location|locations}',
  },
  {
    path: 'company.country',
    type: 'enum',
    label: 'Company country',
    category: 'Company',
    example: 'US',
    options: countryOptions,
  },
  {
    path: 'company.region',
    type: 'enum',
    label: 'Region',
    category: 'Company',
    example: 'NA',
    options: regions,
    derivedFrom: 'company.country',
    derive: regionOf,
  },
  {
    path: 'technology.installed',
    type: 'list',
    label: 'Installed technology',
    category: 'Technology',
    example: ['salesforce', 'microsoft-365'],
    phrase: 'Installed technology is {value}',
  },
  {
    path: 'bant.budget',
    type: 'number',
    label: 'Budget',
    category: 'BANT',
    example: 50_000,
    format: 'currency',
    phrase: 'Budget is {value}',
  },
  {
    path: 'bant.authority',
    type: 'enum',
    label: 'Authority',
    category: 'BANT',
    example: 'decision-maker',
    options: authorityLevels.map(wordOption),
  },
  {
    path: 'bant.need',
    type: 'enum',
    label: 'Need',
    category: 'BANT',
    example: 'confirmed',
    options: needLevels.map(wordOption),
  },
  {
    path: 'bant.timelineMonths',
    type: 'number',
    label: 'Purchase timeline',
    category: 'BANT',
    example: 3,
    format: 'months',
    phrase: 'Purchase timeline is {value}',
  },
  {
    path: 'engagement.source',
    type: 'enum',
    label: 'Lead source',
    category: 'Engagement',
    example: 'web',
    options: leadSources.map(wordOption),
  },
  {
    path: 'engagement.visits',
    type: 'number',
    label: 'Website visits',
    category: 'Engagement',
    example: 5,
    format: 'count',
    phrase: 'Lead visited the website {value} {time|times}',
  },
  {
    path: 'engagement.pageViews',
    type: 'number',
    label: 'Page views',
    category: 'Engagement',
    example: 12,
    format: 'count',
  },
  {
    path: 'engagement.timeOnSiteSeconds',
    type: 'number',
    label: 'Time on website',
    category: 'Engagement',
    example: 900,
    format: 'seconds',
    phrase: 'Lead spent {value} on the website',
  },
  {
    path: 'engagement.downloads',
    type: 'number',
    label: 'Content downloads',
    category: 'Engagement',
    example: 2,
    format: 'count',
    phrase: 'Lead downloaded {value} {item|items}',
  },
  {
    path: 'engagement.lastActivity',
    type: 'string',
    label: 'Last activity',
    category: 'Engagement',
    example: 'Email Opened',
  },
]

/** The lead fields leadgate knows, by dotted path. */
export const fieldCatalog: ReadonlyMap<string, FieldSpec> = new Map(
  builtInFields.map((field) => [field.path, field]),
)

/** The built-in catalog plus the fields a ruleset declares for itself. */
export function catalogFor(ruleset: Pick<Ruleset, 'fields'>): ReadonlyMap<string, FieldSpec> {
  const custom = Object.entries(ruleset.fields ?? {})
  if (custom.length === 0) return fieldCatalog
  const merged = new Map(fieldCatalog)
  for (const [path, field] of custom) merged.set(path, customFieldSpec(path, field))
  return merged
}

function customFieldSpec(path: string, field: CustomField): FieldSpec {
  return {
    path,
    type: field.type,
    label: field.label,
    category: field.category ?? 'Custom',
    example: field.example ?? (field.type === 'number' ? 0 : ''),
    options: field.values?.map((value) => option(value)),
  }
}

/**
 * A reader for one fact that falls back to the catalog's derivation (seniority from the
 * title, region from the country) when the lead does not carry the fact itself.
 */
export function catalogReader(path: string, catalog: ReadonlyMap<string, FieldSpec>) {
  const read = factReader(path)
  const field = catalog.get(path)
  if (!field?.derive || !field.derivedFrom) return read
  const readSource = factReader(field.derivedFrom)
  const derive = field.derive
  return (lead: unknown) => {
    const own = read(lead)
    return isMissing(own) ? derive(readSource(lead)) : own
  }
}

/** Whether a present value has the type the catalog declares for the field. */
export function hasFieldType(type: FactType, value: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'list':
      return Array.isArray(value)
    default:
      return typeof value === 'string'
  }
}
