import { describe, expect, it } from 'vitest'
import { lastUsedText } from '../../editor/admin/last-used.ts'

const now = new Date('2026-11-23T10:00:00.000Z')

describe('when a key was last used', () => {
  it('says so when a key was never used', () => {
    expect(lastUsedText(null, now)).toBe('Never used')
  })

  it('reads recent uses relative to now', () => {
    expect(lastUsedText('2026-11-23T09:59:00.000Z', now)).toBe('Just now')
    expect(lastUsedText('2026-11-23T09:15:00.000Z', now)).toBe('45 minutes ago')
    expect(lastUsedText('2026-11-23T07:00:00.000Z', now)).toBe('3 hours ago')
    expect(lastUsedText('2026-11-22T09:00:00.000Z', now)).toBe('yesterday')
    expect(lastUsedText('2026-11-19T10:00:00.000Z', now)).toBe('4 days ago')
  })

  it('gives a date for uses more than a week ago', () => {
    expect(lastUsedText('2026-10-02T10:00:00.000Z', now)).toBe('2 Oct 2026')
  })
})
