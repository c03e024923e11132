/** The accounts the end-to-end flows sign in with (created fresh for every run). */
export const people = {
  admin: { email: 'admin@e2e.test', password: 'admin-password-e2e' },
  marketing: {
    email: 'mia@e2e.test',
    name: 'Mia Marketing',
    password: 'mia-password-e2e',
    roles: ['marketing'],
  },
  sales: {
    email: 'sam@e2e.test',
    name: 'Sam Sales',
    password: 'sam-password-e2e',
    roles: ['sales'],
  },
} as const
