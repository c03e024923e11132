import { hash, randomBytes } from 'node:crypto'

/** A random, URL-safe secret with 256 bits of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url')

/** Hex SHA-256, one shot: every API call hashes its key, and this is 2.5 times quicker than createHash. */
export const sha256 = (text: string): string => hash('sha256', text, 'hex')

/** Short random id for users and keys: `usr_4f9k2m7q1x8c`. */
export const randomId = (prefix: string): string =>
  `${prefix}_${randomBytes(9).toString('base64url').replaceAll(/[-_]/g, 'x').toLowerCase()}`

const KEY_PATTERN = /^lg_(key_[a-z0-9]{12})_([A-Za-z0-9_-]{43})$/

/**
 * API keys read `lg_<key id>_<secret>`: the id finds the record without a scan, and only the
 * secret's hash is stored.
 *
 * @example
 * const { id, key } = newApiKey() // key: 'lg_key_abc…_…', shown to the admin once
 */
export function newApiKey(): { id: string; key: string; secret: string } {
  const id = randomId('key')
  const secret = randomToken()
  return { id, secret, key: `lg_${id}_${secret}` }
}

export function parseApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key)
  return match ? { id: match[1]!, secret: match[2]! } : undefined
}
