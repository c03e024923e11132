import { parentPort } from 'node:worker_threads'
import {
  compileRuleset,
  ImpactReport,
  type CompiledRuleset,
  type Lead,
  type Ruleset,
} from '../../engine/index.ts'
import { LeadFileReader } from './lead-file-reader.ts'
import type { PoolMessage, WorkerMessage } from './simulation-pool.ts'

/**
 * Runs in a worker thread: decides its share of a simulation's logged leads with the draft
 * and counts them in its own impact report, which the calling thread folds into the whole.
 */
const compiled = new Map<string, CompiledRuleset>()
const compiledFor = (key: string, ruleset: Ruleset) => {
  let found = compiled.get(key)
  if (!found) {
    if (compiled.size >= 32) compiled.clear()
    found = compileRuleset(ruleset)
    compiled.set(key, found)
  }
  return found
}

interface Job {
  report: ImpactReport
  baselines: Map<number, CompiledRuleset>
  skipped: number
}
const jobs = new Map<number, Job>()
// Files stay open while a job runs; closed after it, so a segment that retention deletes
// is not kept on disk by a worker.
const reader = new LeadFileReader()
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

parentPort!.on('message', (message: PoolMessage) => {
  try {
    if (message.type === 'begin') {
      const draft = compiledFor(message.draft.key, message.draft.ruleset)
      jobs.set(message.job, {
        report: new ImpactReport(draft, draft, undefined, message.maxExamples),
        baselines: new Map(),
        skipped: 0,
      })
      return
    }
    const job = jobs.get(message.job)
    if (!job) throw new Error(`simulation job ${message.job} was not begun`)
    if (message.type === 'end') {
      jobs.delete(message.job)
      if (jobs.size === 0) reader.close()
      post({
        type: 'done',
        job: message.job,
        snapshot: job.report.snapshot(),
        skipped: job.skipped,
      })
      return
    }
    for (const { version, key, ruleset } of message.rulesets) {
      job.baselines.set(version, compiledFor(key, ruleset))
    }
    const { versions, outcomes, decisionIds, orders } = message.batch
    const leads = Array.isArray(message.batch.leads)
      ? message.batch.leads
      : reader.texts(message.batch.leads)
    for (let at = 0; at < leads.length; at++) {
      let lead: Lead
      try {
        lead = JSON.parse(leads[at]!) as Lead
      } catch {
        job.skipped++
        continue
      }
      job.report.addDecided(lead, {
        outcome: outcomes[at]!,
        baseline: job.baselines.get(versions[at]!)!,
        decisionId: decisionIds[at]!,
        order: orders[at]!,
      })
    }
    post({ type: 'ack', job: message.job })
  } catch (error) {
    jobs.delete(message.job)
    if (jobs.size === 0) reader.close()
    post({ type: 'error', job: message.job, message: (error as Error).stack ?? String(error) })
  }
})
