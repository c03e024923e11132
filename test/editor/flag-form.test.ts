import { describe, expect, it } from 'vitest'
import { flagBody, flaggedVerdict } from '../../editor/flags/flag-form.ts'

describe('flag form', () => {
  it('sends the trimmed comment, the suggested outcome and the disputed rules', () => {
    expect(
      flagBody(
        {
          comment: '  Real buyer, 30 seats but a group deal  ',
          suggestedOutcome: 'accepted',
          ruleIds: ['min-employees', 'min-employees'],
        },
        'rejected',
      ),
    ).toEqual({
      ok: true,
      body: {
        comment: 'Real buyer, 30 seats but a group deal',
        suggestedOutcome: 'accepted',
        ruleIds: ['min-employees'],
      },
    })
  })

  it('leaves out an outcome and rules that were not chosen', () => {
    expect(flagBody({ comment: 'Wrong', suggestedOutcome: '', ruleIds: [] }, 'rejected')).toEqual({
      ok: true,
      body: { comment: 'Wrong' },
    })
  })

  it('asks for a comment', () => {
    expect(
      flagBody({ comment: '   ', suggestedOutcome: 'accepted', ruleIds: [] }, 'rejected'),
    ).toEqual({ ok: false, problem: 'Say in a few words why this decision is wrong.' })
  })

  it('refuses a comment over 2,000 characters', () => {
    expect(
      flagBody({ comment: 'x'.repeat(2001), suggestedOutcome: '', ruleIds: [] }, 'nurture'),
    ).toEqual({
      ok: false,
      problem: 'Keep the comment under 2000 characters (it has 2001).',
    })
  })

  it('refuses to suggest the outcome the decision already has', () => {
    expect(
      flagBody({ comment: 'Hm', suggestedOutcome: 'nurture', ruleIds: [] }, 'nurture'),
    ).toEqual({
      ok: false,
      problem: 'The decision already says nurture; suggest another outcome or none.',
    })
  })
})

describe('what a new version does to a flagged lead', () => {
  const flipped = {
    before: 'rejected' as const,
    after: 'accepted' as const,
    flipped: true,
    suggestedOutcome: 'accepted' as const,
    agrees: true,
    flippedBy: 'min-employees',
  }

  it('says when the version gives the outcome the flag asks for', () => {
    expect(flaggedVerdict(flipped, 4)).toBe(
      'v4 makes it accepted, as the flag asks (min-employees).',
    )
  })

  it('says when the version flips the lead elsewhere than asked', () => {
    expect(flaggedVerdict({ ...flipped, after: 'nurture', agrees: false }, 4)).toBe(
      'v4 makes it nurture (min-employees), but the flag asks for accepted.',
    )
  })

  it('says when the version flips a flag that suggested nothing', () => {
    expect(
      flaggedVerdict({ ...flipped, suggestedOutcome: null, agrees: null, flippedBy: null }, 2),
    ).toBe('v2 changes it from rejected to accepted.')
  })

  it('says when the version leaves the flagged lead as it was', () => {
    expect(
      flaggedVerdict({ ...flipped, after: 'rejected', flipped: false, agrees: false }, 3),
    ).toBe('v3 still decides rejected; the flag asks for accepted.')
  })
})
