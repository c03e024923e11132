import { isCompactTrace, type CompactTrace } from '../evaluation/compact-trace.ts'
import { DecisionLogWrapper } from '../store/decision-log-wrapper.ts'
import type { DecisionEntry } from '../store/types.ts'

/** Contact facts that identify a person; masked in the log when masking is on. */
export const contactFields = [
  'contact.email',
  'contact.phone',
  'contact.name',
  'contact.firstName',
  'contact.lastName',
] as const

/**
 * A masked form that still helps an audit: an email keeps its first letter and its domain
 * (rules look at domains), a phone its last two digits, a name its first letter.
 *
 * @example
 * maskContact('contact.email', 'dana@northwind-mfg.com') // 'd***@northwind-mfg.com'
 */
export function maskContact(field: string, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value
  if (field === 'contact.email') {
    const at = value.lastIndexOf('@')
    return at > 0 ? `${value[0]}***${value.slice(at)}` : '***'
  }
  if (field === 'contact.phone') {
    const digits = value.replace(/\D/g, '')
    return digits.length > 2 ? `***${digits.slice(-2)}` : '***'
  }
  return `${value[0]}***`
}

function maskRecord(json: string): { json: string; email: string | null } {
  const record = JSON.parse(json) as {
    lead?: { contact?: Record<string, unknown> }
    trace?: { fact?: string; actual?: unknown }[] | CompactTrace
  }
  const contact = record.lead?.contact
  if (contact && typeof contact === 'object') {
    for (const field of contactFields) {
      const key = field.slice('contact.'.length)
      if (key in contact) contact[key] = maskContact(field, contact[key])
    }
  }
  if (isCompactTrace(record.trace)) {
    // One value per fact stands for every condition on it (see compact-trace.ts).
    const facts = record.trace.facts
    for (const field of contactFields) {
      if (Object.hasOwn(facts, field)) facts[field] = maskContact(field, facts[field])
    }
  } else {
    for (const entry of record.trace ?? []) {
      if (entry.fact && (contactFields as readonly string[]).includes(entry.fact)) {
        entry.actual = maskContact(entry.fact, entry.actual)
      }
    }
  }
  const email = contact?.email
  return { json: JSON.stringify(record), email: typeof email === 'string' ? email : null }
}

/**
 * The decision log with contact fields masked before anything is written: the lead's email,
 * phone and names, and the trace's actual values of conditions on them. Searches and exports
 * then only ever see the masked form. Costs a parse and a re-serialization per decision.
 *
 * @example
 * const log = process.env.LEADGATE_MASK_CONTACT === '1' ? new MaskingDecisionLog(raw) : raw
 */
export class MaskingDecisionLog extends DecisionLogWrapper {
  override append(entries: DecisionEntry[]): Promise<void> {
    return this.inner.append(
      entries.map((entry) => {
        const masked = maskRecord(entry.json)
        return { ...entry, json: masked.json, email: masked.email }
      }),
    )
  }
}
