import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simulateVersion } from '../../server/audit/simulate.ts'
import type { DecisionLog } from '../../server/store/types.ts'
import { draftEmployeeFloor } from './employee-floor-draft.ts'
import { logExampleDecisions } from './example-decisions.ts'
import { openHarness, type Harness } from './harness.ts'

let h: Harness
const draftVersion = 2

beforeAll(async () => {
  h = await openHarness()
  // Twelve logged decisions: T-1 accepted, T-2 rejected, T-3 nurture, T-4 rejected, three times.
  await logExampleDecisions(h)
  // Draft 2 asks for 1,500 employees: T-1 (1,200) and T-3 (800) flip to rejected.
  await draftEmployeeFloor(h, 1500)
})
afterAll(() => h.close())

/** The services' decision log with `places` changed (or taken away). */
function logWith(places: DecisionLog['places']): DecisionLog {
  const log = h.services.decisions
  return {
    append: (entries) => log.append(entries),
    getJson: (decisionId) => log.getJson(decisionId),
    query: (query) => log.query(query),
    records: (filter, lastN) => log.records(filter, lastN),
    places,
    stats: () => log.stats(),
    close: () => log.close(),
  }
}

const simulate = (services: Partial<Parameters<typeof simulateVersion>[0]>, inlineLeads?: number) =>
  simulateVersion(
    { ...h.services, ...services },
    {
      rulesetId: 'b2b-inbound',
      version: draftVersion,
      source: { sample: { lastN: 100 } },
      ...(inlineLeads === undefined ? {} : { inlineLeads }),
    },
  )

describe('simulate: the same report however the leads are read and decided', () => {
  /** Records read and decided in this thread: the reference. */
  const reference = () => simulate({ decisions: logWith(undefined), simulationPool: undefined })

  it('decides every lead in this thread when there is no pool', async () => {
    const report = await reference()
    expect([report.leads, report.before, report.after]).toEqual([
      12,
      { accepted: 3, nurture: 3, rejected: 6 },
      { accepted: 0, nurture: 0, rejected: 12 },
    ])
    expect(report.flipped.map((flip) => flip.leadId)).toEqual([
      'T-1',
      'T-3',
      'T-1',
      'T-3',
      'T-1',
      'T-3',
    ])
    expect(await simulate({ simulationPool: undefined })).toEqual(report)
  })

  it('lets the workers read the leads from the log files (five leads here, seven there)', async () => {
    const jobs = h.services.simulationPool!.jobs
    expect(await simulate({}, 5)).toEqual(await reference())
    expect(h.services.simulationPool!.jobs).toBe(jobs + 1)
  })

  it('cuts the leads out of their records where the index has no lead ranges (format 2)', async () => {
    const places = h.services.decisions.places!
    const withoutRanges = logWith(async (filter, lastN) =>
      (await places(filter, lastN)).map(({ leadOffset: _o, leadLength: _l, ...place }) => place),
    )
    expect(await simulate({ decisions: withoutRanges }, 5)).toEqual(await reference())
    expect(await simulate({ decisions: withoutRanges, simulationPool: undefined })).toEqual(
      await reference(),
    )
  })

  it('sends the leads to the workers from a log without places (PostgreSQL)', async () => {
    const jobs = h.services.simulationPool!.jobs
    expect(await simulate({ decisions: logWith(undefined) }, 5)).toEqual(await reference())
    expect(h.services.simulationPool!.jobs).toBe(jobs + 1)
  })

  it('decides a simulation of at most inlineLeads leads without the workers', async () => {
    const jobs = h.services.simulationPool!.jobs
    expect(await simulate({}, 12)).toEqual(await reference())
    expect(h.services.simulationPool!.jobs).toBe(jobs)
  })
})
