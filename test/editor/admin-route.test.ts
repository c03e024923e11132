import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute } from '../../editor/app/hash-route.ts'
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../../editor/account/new-password.ts'
import { MIN_PASSWORD_LENGTH as SERVER_MIN } from '../../server/accounts/password.ts'

describe('admin addresses', () => {
  it('opens people by default and keys by name', () => {
    expect(parseRoute('#/admin')).toEqual({ name: 'admin', tab: 'people' })
    expect(parseRoute('#/admin/people')).toEqual({ name: 'admin', tab: 'people' })
    expect(parseRoute('#/admin/keys')).toEqual({ name: 'admin', tab: 'keys' })
    expect(parseRoute('#/admin/whatever')).toEqual({ name: 'admin', tab: 'people' })
  })

  it('writes the addresses it reads', () => {
    expect(hrefOf({ name: 'admin', tab: 'keys' })).toBe('#/admin/keys')
    expect(parseRoute(hrefOf({ name: 'admin', tab: 'keys' }))).toEqual({
      name: 'admin',
      tab: 'keys',
    })
  })
})

describe('a new password, before it goes to the server', () => {
  it('needs the current password', () => {
    expect(newPasswordProblem('', 'a-new-password', 'a-new-password')).toEqual({
      field: 'currentPassword',
      message: 'Type your current password',
    })
  })

  it('needs as many characters as the server asks for', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN)
  })

  it('needs 10 characters', () => {
    expect(newPasswordProblem('old-password', '123456789', '123456789')).toEqual({
      field: 'newPassword',
      message: 'Use at least 10 characters',
    })
    expect(newPasswordProblem('old-password', '1234567890', '1234567890')).toBe(null)
  })

  it('must differ from the current one', () => {
    expect(newPasswordProblem('old-password', 'old-password', 'old-password')).toEqual({
      field: 'newPassword',
      message: 'Choose a password different from the current one',
    })
  })

  it('must be typed the same twice', () => {
    expect(newPasswordProblem('old-password', 'a-new-password', 'a-new-passwort')).toEqual({
      field: 'repeat',
      message: 'The two new passwords differ',
    })
  })
})
