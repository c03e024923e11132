import { describe, expect, it } from 'vitest'
import type { Person } from '../../editor/admin/admin-types.ts'
import { ownRoleWarning, signOffGap, toggleRole } from '../../editor/admin/people-roles.ts'

const person = (id: string, roles: Person['roles'], disabled = false): Person => ({
  id,
  email: `${id}@example.com`,
  name: id,
  roles,
  disabled,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
})

describe('role checkboxes', () => {
  it('keep the roles in the order the screen lists them', () => {
    expect(toggleRole(['admin'], 'marketing', true)).toEqual(['marketing', 'admin'])
    expect(toggleRole(['sales', 'marketing'], 'viewer', true)).toEqual([
      'marketing',
      'sales',
      'viewer',
    ])
  })

  it('remove a role and never list one twice', () => {
    expect(toggleRole(['marketing', 'sales'], 'marketing', false)).toEqual(['sales'])
    expect(toggleRole(['sales'], 'sales', true)).toEqual(['sales'])
  })
})

describe('who can sign off', () => {
  it('asks for both sides when nobody can approve', () => {
    expect(signOffGap([person('ada', ['admin'])])).toBe(
      'Nobody can sign off yet: add a marketing person and a sales person.',
    )
  })

  it('names the missing side, ignoring disabled people', () => {
    expect(signOffGap([person('mia', ['marketing']), person('sam', ['sales'], true)])).toBe(
      'No one can sign off for sales yet: add a sales person.',
    )
    expect(signOffGap([person('sam', ['sales'])])).toBe(
      'No one can sign off for marketing yet: add a marketing person.',
    )
  })

  it('needs two different people, not one holding both roles', () => {
    expect(signOffGap([person('both', ['marketing', 'sales'])])).toBe(
      'Marketing and sales must sign off as two different people: add a second person.',
    )
    expect(signOffGap([person('both', ['marketing', 'sales']), person('sam', ['sales'])])).toBe(
      null,
    )
  })

  it('is satisfied by one active marketing and one active sales person', () => {
    expect(signOffGap([person('mia', ['marketing']), person('sam', ['sales'])])).toBe(null)
  })
})

describe('removing one’s own admin role', () => {
  it('warns the admin who is changing their own roles', () => {
    expect(ownRoleWarning('ada', person('ada', ['admin', 'sales']), ['sales'])).toBe(
      'You are removing your own admin role: you will lose access to this screen at once.',
    )
  })

  it('says nothing when someone else loses admin or the admin role stays', () => {
    expect(ownRoleWarning('ada', person('bob', ['admin']), ['sales'])).toBe(null)
    expect(ownRoleWarning('ada', person('ada', ['admin']), ['admin', 'sales'])).toBe(null)
  })
})
