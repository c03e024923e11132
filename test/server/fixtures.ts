import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from './harness.ts'

interface TestLead {
  name: string
  lead: Record<string, unknown> & { id: string }
  expected: string
}

const example = JSON.parse(readFileSync(join(repoRoot, 'rulesets/b2b-inbound.json'), 'utf8')) as {
  testLeads: TestLead[]
} & Record<string, unknown>

/** The shipped example's test leads: T-1 accepted, T-2 rejected, T-3 nurture, T-4 rejected. */
export const leads = Object.fromEntries(example.testLeads.map((test) => [test.lead.id, test.lead]))

/** A small valid ruleset document for tests that create their own. */
export function smallRuleset(id: string, employees = 50) {
  return {
    id,
    name: `Test ${id}`,
    policy: { acceptAt: 10, nurtureAt: 0 },
    rules: [
      {
        id: 'min-employees',
        name: `At least ${employees} employees`,
        owner: 'sales',
        kind: 'require',
        when: {
          all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: employees }],
        },
      },
      {
        id: 'title',
        name: 'Director title',
        owner: 'marketing',
        kind: 'score',
        points: 10,
        when: { all: [{ fact: 'contact.title', operator: 'titleHasAny', value: ['director'] }] },
      },
    ],
  }
}
