import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

let h: Harness
const simulate = (body: unknown, version = 2) =>
  h.request('viewer', 'POST', `/api/rulesets/b2b-inbound/versions/${version}/simulate`, body)

interface Simulation {
  comparedWith: string
  leads: number
  before: Record<string, number>
  after: Record<string, number>
  flips: { from: string; to: string; count: number; causes: { ruleId: string; count: number }[] }[]
  flipped: { leadId: string; decisionId?: string; from: string; to: string; ruleId: string }[]
  segments: {
    by: string
    value: string
    before: Record<string, number>
    after: Record<string, number>
  }[]
  warnings: string[]
}

beforeAll(async () => {
  h = await openHarness()
  // Twelve logged decisions by version 1: T-1 accepted, T-2 rejected, T-3 nurture, T-4 rejected.
  for (let round = 0; round < 3; round++) {
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4']) {
      await h.request('key', 'POST', '/api/evaluate', { ruleset: 'b2b-inbound', lead: leads[id] })
    }
  }
  // Draft 2: at least 1,500 employees (T-1 has 1,200, T-3 800), segments of 3 are big enough.
  await h.request('marketing', 'POST', '/api/rulesets/b2b-inbound/versions', {})
  const v2 = (await (
    await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/2')
  ).json()) as {
    etag: string
    ruleset: { rules: { id: string }[]; policy: Record<string, unknown> } & Record<string, unknown>
  }
  const draft = {
    ...v2.ruleset,
    policy: { ...v2.ruleset.policy, minSegmentSize: 3 },
    rules: v2.ruleset.rules.map((rule) =>
      rule.id === 'min-employees'
        ? {
            ...rule,
            when: {
              all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 1500 }],
            },
          }
        : rule,
    ),
  }
  const saved = await h.request('marketing', 'PUT', '/api/rulesets/b2b-inbound/versions/2', draft, {
    'if-match': v2.etag,
  })
  expect(saved.status).toBe(200)
})
afterAll(() => h.close())

describe('POST /api/rulesets/:id/versions/:v/simulate', () => {
  it('counts outcomes before and after over the last N logged decisions', async () => {
    const res = await simulate({ sample: { lastN: 10000 } })
    expect(res.status).toBe(200)
    const sim = (await res.json()) as Simulation
    expect(sim.comparedWith).toBe('logged')
    expect(sim.leads).toBe(12)
    expect(sim.before).toEqual({ accepted: 3, nurture: 3, rejected: 6 })
    expect(sim.after).toEqual({ accepted: 0, nurture: 0, rejected: 12 })
  })

  it('lists flips with the rule that flipped them', async () => {
    const sim = (await (await simulate({ sample: { lastN: 10000 } })).json()) as Simulation
    expect(sim.flips).toEqual([
      {
        from: 'accepted',
        to: 'rejected',
        count: 3,
        causes: [{ ruleId: 'min-employees', count: 3 }],
      },
      {
        from: 'nurture',
        to: 'rejected',
        count: 3,
        causes: [{ ruleId: 'min-employees', count: 3 }],
      },
    ])
    expect(sim.flipped).toHaveLength(6)
    expect(sim.flipped[0]).toMatchObject({ leadId: 'T-1', from: 'accepted', to: 'rejected' })
    expect(sim.flipped[0]!.decisionId).toMatch(/^d/)
  })

  it('takes only the newest N decisions', async () => {
    const sim = (await (await simulate({ sample: { lastN: 4 } })).json()) as Simulation
    expect(sim.leads).toBe(4)
    expect(sim.before).toEqual({ accepted: 1, nurture: 1, rejected: 2 })
  })

  it('breaks counts down by segment and warns when one falls below the minimum size', async () => {
    const sim = (await (await simulate({ sample: { lastN: 10000 } })).json()) as Simulation
    const manufacturing = sim.segments.find(
      (segment) => segment.by === 'company.industry' && segment.value === 'manufacturing',
    )
    expect(manufacturing).toEqual({
      by: 'company.industry',
      value: 'manufacturing',
      before: { accepted: 3, nurture: 0, rejected: 0 },
      after: { accepted: 0, nurture: 0, rejected: 3 },
    })
    expect(new Set(sim.segments.map((segment) => segment.by))).toEqual(
      new Set(['company.industry', 'company.sizeBand', 'company.region', 'persona']),
    )
    expect(
      sim.warnings.some((warning) => warning.startsWith('company.industry = manufacturing')),
    ).toBe(true)
  })

  it('samples a date range: nothing logged in 2020', async () => {
    const sim = (await (
      await simulate({ sample: { from: '2020-01-01T00:00:00Z', to: '2021-01-01T00:00:00Z' } })
    ).json()) as Simulation
    expect(sim.leads).toBe(0)
    expect(sim.flips).toEqual([])
  })

  it('compares uploaded leads with the published version', async () => {
    const res = await simulate({ leads: [leads['T-1'], leads['T-3']] })
    expect(res.status).toBe(200)
    const sim = (await res.json()) as Simulation
    expect(sim.comparedWith).toBe('published')
    expect(sim.before).toEqual({ accepted: 1, nurture: 1, rejected: 0 })
    expect(sim.after).toEqual({ accepted: 0, nurture: 0, rejected: 2 })
  })

  it('answers a bad sample with 400 naming the field', async () => {
    const res = await simulate({ sample: { lastN: 0 } })
    expect(res.status).toBe(400)
    expect(JSON.stringify((await errorOf(res)).details)).toContain('lastN')
  })

  it('answers 404 for a version that does not exist', async () => {
    const res = await simulate({ sample: { lastN: 10 } }, 9)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('version_not_found')
  })

  it('refuses an evaluate key', async () => {
    const res = await h.request('key', 'POST', '/api/rulesets/b2b-inbound/versions/2/simulate', {
      sample: { lastN: 10 },
    })
    expect(res.status).toBe(403)
  })
})
