import { expect } from 'vitest'
import { leads } from './fixtures.ts'
import type { Harness } from './harness.ts'

/**
 * Logs twelve decisions of the published `b2b-inbound` through POST /api/evaluate: the example
 * leads T-1 (accepted), T-2 (rejected), T-3 (nurture) and T-4 (rejected), three rounds in that
 * order. Answers each decision's id by lead and round (`T-2#0` is T-2's first).
 *
 * @example
 * const ids = await logExampleDecisions(h)
 * await h.request('viewer', 'GET', `/api/decisions/${ids['T-2#0']}`)
 */
export async function logExampleDecisions(h: Harness): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (let round = 0; round < 3; round++) {
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4']) {
      const res = await h.request('key', 'POST', '/api/evaluate', {
        ruleset: 'b2b-inbound',
        lead: leads[id],
      })
      expect(res.status).toBe(200)
      ids[`${id}#${round}`] = ((await res.json()) as { decisionId: string }).decisionId
    }
  }
  return ids
}
