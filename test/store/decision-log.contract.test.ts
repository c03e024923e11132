import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InvalidCursorError, type DecisionEntry } from '../../server/store/types.ts'
import { storeKinds, type OpenedStores } from './store-factories.ts'

function entry(n: number, patch: Partial<DecisionEntry> = {}): DecisionEntry {
  const summary = {
    decisionId: `d${String(n).padStart(26, '0')}`,
    leadId: `L-${n}` as string | number | null,
    rulesetId: 'inbound',
    version: 1,
    outcome: n % 2 === 0 ? ('accepted' as const) : ('rejected' as const),
    score: n + 0.5,
    evaluatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    email: `lead${n}@acme-${n % 2 === 0 ? 'even' : 'odd'}.com` as string | null,
    company: `Acme ${n % 2 === 0 ? 'Even' : 'Odd'} ${n}` as string | null,
    reasonIds: n % 2 === 0 ? [] : ['min-employees'],
    ...patch,
  }
  return { ...summary, json: JSON.stringify({ ...summary, trace: [{ n }] }) }
}

const summary = ({ json: _json, ...rest }: DecisionEntry) => rest

describe.each(storeKinds)('decision log contract: $name', (kind) => {
  let stores: OpenedStores
  beforeEach(async () => {
    stores = await kind.open()
  })
  afterEach(() => stores.close())

  it('returns the stored JSON text of a decision byte for byte', async () => {
    await stores.decisions.append([entry(1), entry(2)])
    expect(await stores.decisions.getJson(entry(2).decisionId)).toBe(entry(2).json)
    expect(await stores.decisions.getJson('d-missing')).toBeUndefined()
  })

  it('keeps every decision of many concurrent appends', async () => {
    const all = Array.from({ length: 300 }, (_, n) => entry(n + 1))
    await Promise.all(all.map((one) => stores.decisions.append([one])))
    expect((await stores.decisions.stats()).decisions).toBe(300)
  })

  it('lists newest first and pages with a cursor until the end', async () => {
    await stores.decisions.append([1, 2, 3, 4, 5].map((n) => entry(n)))
    const first = await stores.decisions.query({ limit: 2 })
    expect(first.items).toEqual([summary(entry(5)), summary(entry(4))])
    const second = await stores.decisions.query({ limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((item) => item.decisionId)).toEqual([
      entry(3).decisionId,
      entry(2).decisionId,
    ])
    const last = await stores.decisions.query({ limit: 2, cursor: second.nextCursor! })
    expect(last).toEqual({ items: [summary(entry(1))], nextCursor: null })
  })

  it('finds decisions by lead id, numeric ids included', async () => {
    await stores.decisions.append([
      entry(1, { leadId: 42 }),
      entry(2, { leadId: 'L-x' }),
      entry(3, { leadId: null }),
      entry(4, { leadId: 'L-x' }),
    ])
    const byNumber = await stores.decisions.query({ leadId: '42', limit: 10 })
    expect(byNumber.items).toEqual([summary(entry(1, { leadId: 42 }))])
    const byText = await stores.decisions.query({ leadId: 'L-x', limit: 10 })
    expect(byText.items.map((item) => item.decisionId)).toEqual([
      entry(4).decisionId,
      entry(2).decisionId,
    ])
  })

  it('filters by ruleset, version, outcome and a time window', async () => {
    await stores.decisions.append([
      entry(1),
      entry(2, { version: 2 }),
      entry(3, { rulesetId: 'other' }),
      entry(4, { version: 2 }),
      entry(6, { version: 2 }),
    ])
    const page = await stores.decisions.query({
      rulesetId: 'inbound',
      version: 2,
      outcome: 'accepted',
      from: entry(4).evaluatedAt,
      to: entry(6).evaluatedAt,
      limit: 10,
    })
    expect(page.items.map((item) => item.decisionId)).toEqual([entry(4).decisionId])
  })

  it('finds decisions by contact email, part of the company name and reason rule', async () => {
    await stores.decisions.append([1, 2, 3, 4].map((n) => entry(n)))
    const ids = async (query: Parameters<typeof stores.decisions.query>[0]) =>
      (await stores.decisions.query(query)).items.map((item) => item.decisionId)
    expect(await ids({ email: 'LEAD2@acme-even.com', limit: 10 })).toEqual([entry(2).decisionId])
    expect(await ids({ company: 'odd', limit: 10 })).toEqual([
      entry(3).decisionId,
      entry(1).decisionId,
    ])
    expect(await ids({ reason: 'min-employees', limit: 10 })).toEqual([
      entry(3).decisionId,
      entry(1).decisionId,
    ])
  })

  it('streams matching records oldest first, or only the newest lastN', async () => {
    await stores.decisions.append([1, 2, 3, 4, 5].map((n) => entry(n)))
    const read = async (lastN?: number) => {
      const seen: string[] = []
      for await (const record of stores.decisions.records({ outcome: 'rejected' }, lastN)) {
        seen.push(record.summary.decisionId)
        expect(JSON.parse(record.bytes.toString('utf8')).decisionId).toBe(record.summary.decisionId)
      }
      return seen
    }
    expect(await read()).toEqual([1, 3, 5].map((n) => entry(n).decisionId))
    expect(await read(2)).toEqual([3, 5].map((n) => entry(n).decisionId))
  })

  it('refuses a cursor it did not issue', async () => {
    await stores.decisions.append([entry(1)])
    await expect(
      stores.decisions.query({ limit: 1, cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toBeInstanceOf(InvalidCursorError)
  })

  it('refuses appends after close', async () => {
    await stores.decisions.close()
    await expect(stores.decisions.append([entry(1)])).rejects.toThrow('the decision log is closed')
  })
})
