import type { FieldSpec, Lead } from '../../engine/index.ts'
import { formatValue } from '../../engine/format-value.ts'

/** One fact of a lead, as a person reads it. */
export interface LeadEntry {
  path: string
  label: string
  /** The catalog's category ("Company"), or "Other" for fields the catalog does not know. */
  category: string
  value: string
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

function leaves(value: unknown, path: string, out: [string, unknown][]): void {
  if (isGroup(value)) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, path ? `${path}.${key}` : key, out)
    }
  } else if (path) out.push([path, value])
}

const categoryOrder = ['Lead', 'Contact', 'Company', 'Technology', 'BANT', 'Engagement']

/**
 * The lead as it was when decided, flattened to labelled lines ("Employees: 1,200",
 * "Installed technology: salesforce, slack"), grouped in the catalog's category order, so a
 * person reads it without opening JSON. Fields the catalog does not know keep their path.
 *
 * @example
 * leadEntries({ company: { employees: 1200 } }, fieldCatalog)
 * // [{ path: 'company.employees', label: 'Employees', category: 'Company', value: '1,200' }]
 */
export function leadEntries(lead: Lead, catalog: ReadonlyMap<string, FieldSpec>): LeadEntry[] {
  const found: [string, unknown][] = []
  leaves(lead, '', found)
  const entries = found.map(([path, value]): LeadEntry => {
    const field = path === 'id' ? undefined : catalog.get(path)
    const shown = Array.isArray(value)
      ? value.map((item) => formatValue(item, field)).join(', ') || 'none'
      : value === null
        ? 'none'
        : formatValue(value, field)
    return {
      path,
      label: path === 'id' ? 'Lead id' : (field?.label ?? path),
      category: path === 'id' ? 'Lead' : (field?.category ?? 'Other'),
      value: shown,
    }
  })
  const rank = (category: string) => {
    const at = categoryOrder.indexOf(category)
    return at === -1 ? categoryOrder.length : at
  }
  return entries.sort((a, b) => rank(a.category) - rank(b.category))
}
