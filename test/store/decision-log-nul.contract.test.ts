import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DecisionEntry } from '../../server/store/types.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'

// PostgreSQL text cannot hold U+0000, and the HTTP fuzz found a lead whose email was "\u0000":
// the decision must still be kept (it was a 500).
const summary = {
  decisionId: `d${'0'.repeat(25)}1`,
  leadId: 'L\u00001',
  rulesetId: 'inbound',
  version: 1,
  outcome: 'rejected' as const,
  score: 0,
  evaluatedAt: '2026-01-01T00:00:00.000Z',
  email: 'a\u0000@example.com',
  company: 'Acme\u0000 Ltd',
  reasonIds: ['min-employees'],
}
const entry: DecisionEntry = { ...summary, json: JSON.stringify(summary) }

describe.each(storeKinds)('decision log with NUL characters in lead fields: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('keeps the decision byte for byte and finds it by lead id, email and company', async () => {
    await stores.decisions.append([entry])
    expect(await stores.decisions.getJson(entry.decisionId)).toBe(entry.json)
    for (const filter of [
      { leadId: 'L\u00001' },
      { email: 'a\u0000@example.com' },
      { company: 'Acme\u0000' },
    ]) {
      const page = await stores.decisions.query({ ...filter, limit: 10 })
      expect(page.items.map((item) => item.decisionId)).toEqual([entry.decisionId])
    }
  })
})
