import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'
import { parseJsonSafely, UnsafeJsonError } from '../../server/http/safe-json.ts'

describe('slow-client timeouts in the configuration', () => {
  it('defaults to 10 s for headers and 5 min for a whole request', () => {
    const config = loadConfig({})
    expect([config.headersTimeoutMs, config.requestTimeoutMs]).toEqual([10_000, 300_000])
  })

  it('reads LEADGATE_HEADERS_TIMEOUT_MS and LEADGATE_REQUEST_TIMEOUT_MS', () => {
    const config = loadConfig({
      LEADGATE_HEADERS_TIMEOUT_MS: '500',
      LEADGATE_REQUEST_TIMEOUT_MS: '2000',
    })
    expect([config.headersTimeoutMs, config.requestTimeoutMs]).toEqual([500, 2000])
  })

  it('refuses a timeout that is not a whole number of at least 100 ms, naming it', () => {
    expect(() => loadConfig({ LEADGATE_HEADERS_TIMEOUT_MS: '1.5s' })).toThrow(
      'LEADGATE_HEADERS_TIMEOUT_MS: LEADGATE_HEADERS_TIMEOUT_MS is a whole number of milliseconds',
    )
    expect(() => loadConfig({ LEADGATE_REQUEST_TIMEOUT_MS: '5' })).toThrow(
      'LEADGATE_REQUEST_TIMEOUT_MS: LEADGATE_REQUEST_TIMEOUT_MS is at least 100',
    )
  })
})

describe('numbers too large for a double', () => {
  const reasonOf = (text: string) => {
    try {
      parseJsonSafely(text)
      return 'parsed'
    } catch (error) {
      return [(error as UnsafeJsonError).reason, (error as UnsafeJsonError).path]
    }
  }

  it('refuses 1e999 anywhere, naming the path', () => {
    expect(reasonOf('{"lead":{"company":{"employees":1e999}}}')).toEqual([
      'non_finite_number',
      'lead.company.employees',
    ])
    expect(reasonOf('{"list":[1,-1e999]}')).toEqual(['non_finite_number', 'list[1]'])
    expect(reasonOf('1e999')).toEqual(['non_finite_number', ''])
  })

  it('keeps large finite numbers and -0', () => {
    expect(parseJsonSafely('{"a":1.7976931348623157e308,"b":-0}')).toEqual({
      a: 1.7976931348623157e308,
      b: -0,
    })
  })
})
