/**
 * Rule ids for imported rules: JRE rules have free-text names and event types, leadgate
 * ids are slugs (they end up in URLs and file names).
 */

const MAX_LENGTH = 64

/**
 * A slug from free text, splitting camelCase words.
 *
 * @example
 * slugify('Athlete GPA Rule') // 'athlete-gpa-rule'
 * slugify('fouledOut') // 'fouled-out'
 */
export function slugify(text: string): string {
  const slug = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '')
  return slug === '' ? 'rule' : slug
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet; records the answer. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`
    id = `${base.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
  }
  taken.add(id)
  return id
}
