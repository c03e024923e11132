import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftEmployeeFloor } from './employee-floor-draft.ts'
import { logExampleDecisions } from './example-decisions.ts'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'
import { simulateVersion } from '../../server/audit/simulate.ts'
import { SimulationPool } from '../../server/audit/simulation-pool.ts'

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
  await logExampleDecisions(h)
  // Draft 2: at least 1,500 employees (T-1 has 1,200, T-3 800), segments of 3 are big enough.
  await draftEmployeeFloor(h, 1500, { minSegmentSize: 3 })
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

describe('simulate in worker threads', () => {
  it('gives the same report as deciding every lead in the calling thread', async () => {
    const run = (inlineLeads: number) =>
      simulateVersion(h.services.evaluators, h.services.decisions, {
        rulesetId: 'b2b-inbound',
        version: 2,
        source: { sample: { lastN: 100 } },
        inlineLeads,
      })
    const inThread = await run(Number.POSITIVE_INFINITY)
    const jobsBefore = SimulationPool.shared()!.jobs
    // Five leads here, the other seven in the workers.
    const shared = await run(5)
    expect(SimulationPool.shared()!.jobs).toBe(jobsBefore + 1)
    expect(inThread.leads).toBe(12)
    expect(inThread.flipped.length).toBeGreaterThan(0)
    expect(shared).toEqual(inThread)
  })
})

describe('simulate: open flags decided again', () => {
  const flagIds: Record<string, string> = {}
  const newestDecision = async (leadId: string) => {
    const page = (await (
      await h.request('viewer', 'GET', `/api/decisions?leadId=${leadId}&limit=1`)
    ).json()) as { items: { decisionId: string }[] }
    return page.items[0]!.decisionId
  }
  const flag = async (as: 'sales' | 'marketing', leadId: string, body: object) => {
    const res = await h.request(
      as,
      'POST',
      `/api/decisions/${await newestDecision(leadId)}/flags`,
      {
        comment: `About ${leadId}`,
        ...body,
      },
    )
    expect(res.status).toBe(201)
    return ((await res.json()) as { flagId: string }).flagId
  }
  beforeAll(async () => {
    flagIds['T-1'] = await flag('sales', 'T-1', { suggestedOutcome: 'rejected' })
    flagIds['T-3'] = await flag('marketing', 'T-3', { suggestedOutcome: 'accepted' })
    flagIds['T-2'] = await flag('sales', 'T-2', {})
    const dismissed = await flag('sales', 'T-4', { suggestedOutcome: 'accepted' })
    await h.request('marketing', 'POST', `/api/flags/${dismissed}/dismiss`, { note: 'Stands' })
  })

  it('lists every open flag with before, after, agreement and the rule that flipped it', async () => {
    const sim = (await (await simulate({ sample: { lastN: 10000 } })).json()) as Simulation & {
      flagged: unknown[]
    }
    const decisions = {
      'T-1': await newestDecision('T-1'),
      'T-2': await newestDecision('T-2'),
      'T-3': await newestDecision('T-3'),
    }
    expect(sim.flagged).toEqual([
      {
        flagId: flagIds['T-2'],
        decisionId: decisions['T-2'],
        leadId: 'T-2',
        comment: 'About T-2',
        side: 'sales',
        suggestedOutcome: null,
        before: 'rejected',
        after: 'rejected',
        flipped: false,
        agrees: null,
        flippedBy: null,
      },
      {
        flagId: flagIds['T-3'],
        decisionId: decisions['T-3'],
        leadId: 'T-3',
        comment: 'About T-3',
        side: 'marketing',
        suggestedOutcome: 'accepted',
        before: 'nurture',
        after: 'rejected',
        flipped: true,
        agrees: false,
        flippedBy: 'min-employees',
      },
      {
        flagId: flagIds['T-1'],
        decisionId: decisions['T-1'],
        leadId: 'T-1',
        comment: 'About T-1',
        side: 'sales',
        suggestedOutcome: 'rejected',
        before: 'accepted',
        after: 'rejected',
        flipped: true,
        agrees: true,
        flippedBy: 'min-employees',
      },
    ])
  })

  it('decides flagged leads again even when they are outside the sample', async () => {
    const sim = (await (await simulate({ sample: { lastN: 1 } })).json()) as Simulation & {
      flagged: { leadId: string }[]
    }
    expect(sim.leads).toBe(1)
    expect(sim.flagged.map((entry) => entry.leadId)).toEqual(['T-2', 'T-3', 'T-1'])
  })

  it('lists flagged leads beside uploaded leads too', async () => {
    const sim = (await (await simulate({ leads: [leads['T-4']] })).json()) as Simulation & {
      flagged: { leadId: string; after: string }[]
    }
    expect(sim.flagged.map((entry) => [entry.leadId, entry.after])).toEqual([
      ['T-2', 'rejected'],
      ['T-3', 'rejected'],
      ['T-1', 'rejected'],
    ])
  })

  it('warns about an open flag whose decision left the log, and leaves it out', async () => {
    const sim = await simulateVersion(h.services.evaluators, h.services.decisions, {
      rulesetId: 'b2b-inbound',
      version: 2,
      source: { leads: [leads['T-1']!] },
      openFlags: [
        {
          flagId: 'flg_gone00000000',
          decisionId: `d${'0'.repeat(26)}`,
          rulesetId: 'b2b-inbound',
          version: 1,
          leadId: 'L-gone',
          outcome: 'rejected',
          suggestedOutcome: null,
          ruleIds: [],
          comment: 'Dropped by retention',
          side: 'sales',
          createdBy: { id: 'u', name: 'U' },
          createdAt: '2026-01-01T00:00:00.000Z',
          status: 'open',
          resolution: null,
        },
      ],
    })
    expect(sim.flagged).toEqual([])
    expect(sim.warnings).toContain(
      '1 open flag could not be decided again: the flagged decision is no longer in the log',
    )
  })

  it('shows no flips for flagged leads under the version that decided them', async () => {
    const sim = (await (await simulate({ sample: { lastN: 10 } }, 1)).json()) as Simulation & {
      flagged: { flipped: boolean; agrees: boolean | null; flippedBy: string | null }[]
    }
    expect(sim.flagged.map((entry) => [entry.flipped, entry.agrees, entry.flippedBy])).toEqual([
      [false, null, null],
      [false, false, null],
      [false, false, null],
    ])
  })
})
