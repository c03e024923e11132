/**
 * `npm run bench:engine`: the same 10,000 leads against the same ruleset, decided by
 * json-rules-engine (one engine reused, facts passed to `run`: the fast way to use it) and
 * by leadgate's compiled ruleset with the full trace and explanations. Checks that every
 * outcome and every rule's result agree, then prints as its last line
 * `RESULT engine ratio=<ours/jre> ours=<evals/s> jre=<evals/s> mismatches=<n>`.
 */
import { Engine } from 'json-rules-engine'
import { cpus, loadavg } from 'node:os'
import { compileRuleset, exportJre } from '../../engine/index.ts'
import { registerLeadOperators } from '../support/jre-lead-operators.ts'
import { jreVerdict, type JreVerdict } from '../support/jre-verdict.ts'
import { benchLeads, benchRuleset, countConditions } from './engine-workload.ts'

const LEADS = 10_000
/** Leads are timed in chunks; a rate is the median over chunks, so a moment when another
 * process takes the CPU (this runs on shared machines) does not decide the figure. */
const CHUNK = 1_000
/** Ours runs this many passes over all leads (it is fast enough for a steady median). */
const OURS_PASSES = 10

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const ruleset = benchRuleset
const leads = benchLeads(LEADS)
const { rules, customOperators } = exportJre(ruleset)
console.log(
  `ruleset: ${ruleset.rules.length} rules, ${countConditions(ruleset)} conditions, ` +
    `${ruleset.personas.length} personas; ${LEADS} leads with every fact; ` +
    `JRE custom operators: ${customOperators.join(', ')}`,
)
const load = () => loadavg()[0]!.toFixed(1)
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, Node ${process.version}, ` +
    `load average ${load()}`,
)
/** Milliseconds of CPU this process used: less sensitive than the clock to other processes. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

// json-rules-engine: warm up, then one timed pass in chunks.
const engine = registerLeadOperators(new Engine(rules))
for (const lead of leads.slice(0, 500)) await engine.run(lead)
// Only the verdicts are kept: holding 10,000 JRE results would slow everything after by GC.
const verdicts: JreVerdict[] = []
const jreRates: number[] = []
let jreMs = 0
const jreCpuStart = cpuMs()
for (let from = 0; from < LEADS; from += CHUNK) {
  const started = performance.now()
  for (const lead of leads.slice(from, from + CHUNK)) {
    verdicts.push(jreVerdict(await engine.run(lead), ruleset.policy))
  }
  const ms = performance.now() - started
  jreMs += ms
  jreRates.push((CHUNK * 1000) / ms)
}
const jrePerSecond = median(jreRates)
const jreCpuPerSecond = (LEADS * 1000) / (cpuMs() - jreCpuStart)
console.log(
  `json-rules-engine: ${LEADS} leads in ${jreMs.toFixed(0)} ms; ` +
    `median ${Math.round(jrePerSecond)}/s over ${jreRates.length} chunks; ` +
    `${Math.round(jreCpuPerSecond)}/s of CPU time`,
)

// leadgate: compile once; the first pass compares with JRE (and warms up), then timed passes.
const compiled = compileRuleset(ruleset)
let mismatches = 0
const outcomes: Record<string, number> = {}
leads.forEach((lead, at) => {
  const decision = compiled.evaluate(lead, { trace: 'full' })
  const verdict = verdicts[at]!
  outcomes[decision.outcome] = (outcomes[decision.outcome] ?? 0) + 1
  const rulesAgree = decision.rules.every(
    (rule) => (rule.result === 'pass') === verdict.fired[rule.ruleId],
  )
  if (!rulesAgree || decision.outcome !== verdict.outcome || decision.score !== verdict.score) {
    mismatches++
  }
})
console.log(`outcomes: ${JSON.stringify(outcomes)}`)

const oursRates: number[] = []
let oursMs = 0
let traced = 0
const oursCpuStart = cpuMs()
for (let pass = 0; pass < OURS_PASSES; pass++) {
  for (let from = 0; from < LEADS; from += CHUNK) {
    const chunk = leads.slice(from, from + CHUNK)
    const started = performance.now()
    for (const lead of chunk) traced += compiled.evaluate(lead, { trace: 'full' }).trace.length
    const ms = performance.now() - started
    oursMs += ms
    oursRates.push((CHUNK * 1000) / ms)
  }
}
const oursPerSecond = median(oursRates)
const oursCpuPerSecond = (OURS_PASSES * LEADS * 1000) / (cpuMs() - oursCpuStart)
console.log(
  `leadgate (trace: full): ${OURS_PASSES * LEADS} evaluations in ${oursMs.toFixed(0)} ms, ` +
    `${(traced / (OURS_PASSES * LEADS)).toFixed(0)} trace entries each; ` +
    `median ${Math.round(oursPerSecond)}/s over ${oursRates.length} chunks; ` +
    `${Math.round(oursCpuPerSecond)}/s of CPU time`,
)
console.log(
  `ratio by CPU time: ${(oursCpuPerSecond / jreCpuPerSecond).toFixed(1)}; load average ${load()}`,
)

// For context: the same evaluation without building the decision (outcome, score and every
// rule's result; all conditions still evaluated), which is what bulk replays use.
const runRates: number[] = []
for (let pass = 0; pass < OURS_PASSES / 2; pass++) {
  for (let from = 0; from < LEADS; from += CHUNK) {
    const chunk = leads.slice(from, from + CHUNK)
    const started = performance.now()
    for (const lead of chunk) traced += compiled.run(lead).score
    runRates.push((CHUNK * 1000) / (performance.now() - started))
  }
}
console.log(
  `leadgate run() without the decision: median ${Math.round(median(runRates))}/s, ` +
    `${(median(runRates) / jrePerSecond).toFixed(1)} × json-rules-engine`,
)

console.log(
  `RESULT engine ratio=${(oursPerSecond / jrePerSecond).toFixed(1)} ` +
    `ours=${Math.round(oursPerSecond)} jre=${Math.round(jrePerSecond)} mismatches=${mismatches}`,
)
