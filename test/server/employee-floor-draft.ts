import { expect } from 'vitest'
import type { Harness } from './harness.ts'

type StoredVersion = {
  etag: string
  ruleset: { rules: { id: string }[]; policy: Record<string, unknown> } & Record<string, unknown>
}

/**
 * Opens draft 2 of the shipped `b2b-inbound` (a copy of published version 1) and saves it with
 * the `min-employees` requirement moved to `employees`, and `policy` merged into its policy:
 * the smallest change that flips known leads (T-1 has 1,200 employees, T-3 800).
 *
 * @example
 * await draftEmployeeFloor(h, 1500) // T-1 and T-3 now fall below
 * await draftEmployeeFloor(h, 1500, { minSegmentSize: 3 })
 */
export async function draftEmployeeFloor(
  h: Harness,
  employees: number,
  policy: Record<string, unknown> = {},
): Promise<void> {
  await h.request('marketing', 'POST', '/api/rulesets/b2b-inbound/versions', {})
  const v2 = (await (
    await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/2')
  ).json()) as StoredVersion
  const draft = {
    ...v2.ruleset,
    policy: { ...v2.ruleset.policy, ...policy },
    rules: v2.ruleset.rules.map((rule) =>
      rule.id === 'min-employees'
        ? {
            ...rule,
            when: {
              all: [
                { fact: 'company.employees', operator: 'greaterThanInclusive', value: employees },
              ],
            },
          }
        : rule,
    ),
  }
  const saved = await h.request('marketing', 'PUT', '/api/rulesets/b2b-inbound/versions/2', draft, {
    'if-match': v2.etag,
  })
  expect(saved.status).toBe(200)
}
