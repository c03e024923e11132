import { createHash } from 'node:crypto'
import type { Ruleset } from '../../engine/index.ts'

/** Fields the server manages, and editor positions: none of them changes what is decided. */
const notContent = new Set(['status', 'approvals', 'version', 'createdBy', 'createdAt', 'layout'])

/**
 * The fingerprint of what a version decides and says: an approval records it, and counts only
 * while the version still has that content. Keys are sorted so formatting does not matter.
 *
 * @example
 * contentHash({ ...ruleset, layout: { x: 1 } }) === contentHash(ruleset) // true
 */
export function contentHash(document: Ruleset): string {
  const content = Object.fromEntries(
    Object.entries(document).filter(([key]) => !notContent.has(key)),
  )
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
