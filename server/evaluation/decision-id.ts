import { randomFillSync } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const pool = new Uint8Array(4096)
let poolAt = pool.length

function randomByte(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  return pool[poolAt++]!
}

/**
 * A decision id that sorts by time: `d` + 10 base-32 characters of milliseconds + 16 random
 * ones (80 bits), like a ULID in lower case. Time first keeps ids readable in order in logs.
 *
 * @example
 * newDecisionId(new Date('2026-01-01T00:00:00Z')) // 'd01kdx…'
 */
export function newDecisionId(now = Date.now()): string {
  let time = ''
  let rest = now
  for (let at = 0; at < 10; at++) {
    time = ALPHABET[rest % 32]! + time
    rest = Math.floor(rest / 32)
  }
  let random = ''
  for (let at = 0; at < 16; at++) random += ALPHABET[randomByte() & 31]
  return `d${time}${random}`
}

export const decisionIdPattern = /^d[0-9a-hjkmnp-tv-z]{26}$/
