/**
 * Letters and digits a person can read aloud or copy by hand without mixing them up: no 0/O,
 * 1/l/I, 5/S or 2/Z.
 */
export const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRTUVWXY346789'

/** Fills an array with random bytes; the browser's `crypto.getRandomValues` by default. */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array

const browserRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes)

/**
 * A first password for a new person (or a reset one): four groups of four characters,
 * `k7Qm-xr4T-…`, about 90 bits. Bytes that would bias the choice towards the start of the
 * alphabet are thrown away and drawn again.
 *
 * @example
 * generatePassword() // 'hT7q-mK3x-pW9c-Rv4d'
 */
export function generatePassword(random: RandomBytes = browserRandom): string {
  const size = PASSWORD_ALPHABET.length
  const limit = 256 - (256 % size)
  const chars: string[] = []
  while (chars.length < 16) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && chars.length < 16) chars.push(PASSWORD_ALPHABET[byte % size]!)
    }
  }
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-')
}
