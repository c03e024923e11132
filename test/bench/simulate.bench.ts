/**
 * `npm run bench:simulate`: impact simulation of a changed draft over 100,000 logged decisions
 * (POST /api/rulesets/:id/versions/:v/simulate without HTTP), against its peer: the same
 * comparison over the same leads already in memory (no log reading). Median of three runs.
 * Prints `RESULT simulate leads=100000 ms=<n> …` last.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ImpactReport, type Lead } from '../../engine/index.ts'
import { simulateVersion } from '../../server/audit/simulate.ts'
import { decideLead } from '../../server/evaluation/decide.ts'
import { openServices } from '../../server/open-services.ts'
import { etagOf } from '../../server/rulesets/version-record.ts'

const root = resolve(import.meta.dirname, '../..')
const LEADS = Number(process.env.BENCH_LEADS ?? 100_000)
const industries = ['manufacturing', 'finance', 'healthcare', 'retail', 'information', 'education']
const countries = ['US', 'DE', 'GB', 'FR', 'BR', 'JP', 'CA', 'IN']
const titles = ['Director of IT', 'VP Operations', 'Analyst', 'Head of Sales', 'Intern', 'CTO']

/** A deterministic spread of leads: sizes, industries, regions, titles, BANT and tools vary. */
function leadOf(n: number): Lead {
  return {
    id: `B-${n}`,
    contact: { title: titles[n % titles.length], email: `p${n}@firm${n % 997}.com` },
    company: {
      name: `Firm ${n % 997}`,
      employees: 10 + ((n * 7919) % 6000),
      industry: industries[n % industries.length],
      country: countries[(n >> 3) % countries.length],
      locations: n % 7,
    },
    bant: {
      budget: n % 5 === 0 ? 5000 : 25000,
      authority: n % 3 === 0 ? 'decision-maker' : 'user',
      need: 'confirmed',
      timelineMonths: n % 12,
    },
    technology: { installed: n % 2 === 0 ? ['salesforce'] : ['sap'] },
  } as Lead
}

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-bench-sim-'))
const services = await openServices({ dataDir, rulesetsDir: join(root, 'rulesets'), log: () => {} })
try {
  const actor = { id: 'bench', email: 'bench@example.com' }
  const published = await services.evaluators.get('b2b-inbound')
  const source = { kind: 'user' as const, id: 'bench' }
  const leads: Lead[] = []
  const started = Date.now()
  for (let at = 0; at < LEADS; at += 1000) {
    const batch = []
    for (let n = at; n < Math.min(at + 1000, LEADS); n++) {
      const lead = leadOf(n)
      leads.push(lead)
      batch.push(decideLead(published, lead, { trace: 'none', source }).entry)
    }
    await services.decisions.append(batch)
  }
  const stats = await services.decisions.stats()
  console.log(
    `logged ${stats.decisions} decisions (${(stats.bytes / 1e6).toFixed(0)} MB) in ${Date.now() - started} ms`,
  )

  // The changed draft: at least 500 employees instead of 50, and 30 points to accept.
  const draft = await services.rulesets.newDraft('b2b-inbound', {}, actor)
  const document = {
    ...draft.document,
    policy: { ...draft.document.policy, acceptAt: 50 },
    rules: draft.document.rules.map((rule) =>
      rule.id === 'min-employees'
        ? {
            ...rule,
            when: {
              all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 500 }],
            },
          }
        : rule,
    ),
  }
  await services.rulesets.update('b2b-inbound', draft.version, document, etagOf(draft), actor)

  const simulate = () =>
    simulateVersion(services, {
      rulesetId: 'b2b-inbound',
      version: draft.version,
      source: { sample: { lastN: LEADS } },
    })
  const target = (await services.evaluators.get('b2b-inbound', draft.version)).compiled
  const inMemory = () => {
    const report = new ImpactReport(target, published.compiled, undefined, 1000)
    for (const lead of leads) report.add(lead)
    return report.result()
  }
  const median = async (run: () => unknown) => {
    const times: number[] = []
    for (let round = 0; round < 3; round++) {
      const at = performance.now()
      await run()
      times.push(performance.now() - at)
    }
    return times.sort((a, b) => a - b)[1]!
  }
  const result = await simulate()
  console.log(
    `before ${JSON.stringify(result.before)} after ${JSON.stringify(result.after)}, ${result.flips.reduce((sum, flip) => sum + flip.count, 0)} flipped, ${result.warnings.length} segment warnings`,
  )
  const ms = await median(simulate)
  const peer = await median(inMemory)
  console.log(`in-memory peer (leads already parsed, no log): ${peer.toFixed(0)} ms`)
  console.log(
    `RESULT simulate leads=${result.leads} ms=${ms.toFixed(0)} peer_ms=${peer.toFixed(0)} ratio=${(ms / peer).toFixed(2)}`,
  )
} finally {
  await services.close()
  rmSync(dataDir, { recursive: true, force: true })
}
