import { describe, expect, it } from 'vitest'
import { ApiError } from '../../editor/api/client.ts'
import { formErrorsOf } from '../../editor/ui/form-errors.ts'
import { evaluateCurl, shellQuote } from '../../editor/admin/evaluate-example.ts'
import { generatePassword, PASSWORD_ALPHABET } from '../../editor/admin/generate-password.ts'

const invalid = (issues: { path: string; message: string }[]) =>
  new ApiError(400, 'invalid_request', 'bad', { issues })

describe('server errors on admin forms', () => {
  it('puts each issue next to the field its path starts with, as a sentence', () => {
    const error = invalid([
      { path: 'password', message: 'use at least 10 characters' },
      { path: 'roles[0]', message: 'Invalid option' },
      { path: 'password', message: 'a second message' },
    ])
    expect(formErrorsOf(error, ['email', 'password', 'roles'])).toEqual({
      fields: { password: 'Use at least 10 characters', roles: 'Invalid option' },
      general: null,
    })
  })

  it('keeps issues about fields the form does not have as the general message', () => {
    const error = invalid([
      { path: '', message: 'unrecognized key: "nickname"' },
      { path: 'scope', message: 'the only scope is "evaluate"' },
    ])
    expect(formErrorsOf(error, ['name'])).toEqual({
      fields: {},
      general: 'Unrecognized key: "nickname"; scope: the only scope is "evaluate"',
    })
  })

  it('shows a taken email next to the email field', () => {
    const error = new ApiError(409, 'email_taken', 'a user with email a@b.c exists', {
      email: 'a@b.c',
    })
    expect(formErrorsOf(error, ['email', 'name'])).toEqual({
      fields: { email: 'Someone already has an account with this email' },
      general: null,
    })
  })

  it('shows errors without fields, such as the last admin, as the general message', () => {
    const error = new ApiError(
      409,
      'last_admin',
      'Ada is the last active admin; make someone else an admin first',
      null,
    )
    expect(formErrorsOf(error, ['roles'])).toEqual({
      fields: {},
      general: 'Ada is the last active admin; make someone else an admin first',
    })
  })
})

describe('generated passwords', () => {
  it('are four groups of four unambiguous characters', () => {
    const password = generatePassword()
    expect(password).toMatch(/^[^-]{4}-[^-]{4}-[^-]{4}-[^-]{4}$/)
    for (const char of password.replaceAll('-', '')) expect(PASSWORD_ALPHABET).toContain(char)
    expect(PASSWORD_ALPHABET).not.toMatch(/[0O1lI5S2Z]/)
  })

  it('draw again instead of biasing: bytes at or above the last full round are skipped', () => {
    // 52 letters: 256 - 256 % 52 = 208, so 208..255 are thrown away.
    let call = 0
    const random = (bytes: Uint8Array) => {
      bytes.fill(call++ === 0 ? 250 : 53)
      return bytes
    }
    expect(PASSWORD_ALPHABET).toHaveLength(52)
    expect(generatePassword(random)).toBe('bbbb-bbbb-bbbb-bbbb')
    expect(call).toBe(2)
  })

  it('differ from one call to the next', () => {
    expect(new Set(Array.from({ length: 50 }, () => generatePassword())).size).toBe(50)
  })
})

describe('the curl example shown with a new key', () => {
  it('is a complete evaluate request with the key and ruleset', () => {
    expect(
      evaluateCurl({
        origin: 'https://leadgate.example.com',
        key: 'lg_key_abcdefghijkl_secret',
        ruleset: 'b2b-inbound',
      }),
    ).toBe(
      [
        `curl -X POST 'https://leadgate.example.com/api/evaluate' \\`,
        `  -H 'authorization: Bearer lg_key_abcdefghijkl_secret' \\`,
        `  -H 'content-type: application/json' \\`,
        `  -d '{"ruleset":"b2b-inbound","lead":{"id":"crm-lead-1","contact":{"title":"Head of Operations","email":"dana@example.com"},"company":{"employees":250,"industry":"information","country":"US"}}}'`,
      ].join('\n'),
    )
  })

  it('quotes single quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })
})
