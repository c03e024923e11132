import { hc } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppType } from '../../server/app.ts'
import { openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

let h: Harness
let api: ReturnType<typeof hc<AppType>>
beforeAll(async () => {
  h = await openHarness()
  // The editor's way in: a typed client over the app, here without a network.
  api = hc<AppType>('http://leadgate.test', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => h.app.request(input, init),
    headers: { cookie: h.cookies.marketing },
  })
})
afterAll(() => h.close())

describe('hc<AppType>() client', () => {
  it('lists rulesets with typed answers', async () => {
    const res = await api.api.rulesets.$get()
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const { rulesets } = await res.json()
    expect(rulesets.map((ruleset) => ruleset.id)).toEqual(['b2b-inbound', 'x-education'])
  })

  it('reads a version document through typed path parameters', async () => {
    const res = await api.api.rulesets[':id'].versions[':v'].$get({
      param: { id: 'b2b-inbound', v: '1' },
    })
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    const version = await res.json()
    expect([version.ruleset.id, version.status, version.signOff.complete]).toEqual([
      'b2b-inbound',
      'published',
      false,
    ])
  })

  it('evaluates with a typed body and reads the typed decision', async () => {
    const res = await api.api.evaluate.$post({
      json: { ruleset: 'b2b-inbound', lead: leads['T-3']! },
    })
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    const decision = await res.json()
    expect([decision.outcome, decision.leadId]).toEqual(['nurture', 'T-3'])
  })

  it('submits a new draft through the typed lifecycle route', async () => {
    const created = await api.api.rulesets[':id'].versions.$post({
      param: { id: 'b2b-inbound' },
      json: {},
    })
    if (created.status !== 201) throw new Error(`status ${created.status}`)
    const draft = await created.json()
    const res = await api.api.rulesets[':id'].versions[':v'].submit.$post({
      param: { id: 'b2b-inbound', v: String(draft.version) },
      json: { note: 'typed' },
    })
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    const submitted = await res.json()
    expect([submitted.status, submitted.history.at(-1)?.note]).toEqual(['in_review', 'typed'])
  })
})
