/**
 * `npm run bench:engine`: the same 10,000 leads against the same ruleset, decided by
 * json-rules-engine (one engine reused, facts passed to `run`: the fast way to use it) and
 * by leadgate's compiled ruleset with the full trace and explanations. Checks that every
 * outcome and every rule's result agree, then prints as its last line
 * `RESULT engine ratio=<ours/jre> ours=<evals/s> jre=<evals/s> mismatches=<n>`.
 */
import { Engine } from 'json-rules-engine'
import { cpus } from 'node:os'
import { compileRuleset, exportJre } from '../../engine/index.ts'
import { registerLeadOperators } from '../support/jre-lead-operators.ts'
import { jreVerdict, type JreVerdict } from '../support/jre-verdict.ts'
import { benchLeads, benchRuleset, countConditions } from './engine-workload.ts'

const LEADS = 10_000
/** Ours runs in passes over all leads until this much time has gone by, for a steady figure. */
const OURS_MIN_MS = 3_000

const ruleset = benchRuleset
const leads = benchLeads(LEADS)
const { rules, customOperators } = exportJre(ruleset)
console.log(
  `ruleset: ${ruleset.rules.length} rules, ${countConditions(ruleset)} conditions, ` +
    `${ruleset.personas.length} personas; ${LEADS} leads with every fact; ` +
    `JRE custom operators: ${customOperators.join(', ')}`,
)
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, Node ${process.version}`,
)

// json-rules-engine: warm up, then one timed pass.
const engine = registerLeadOperators(new Engine(rules))
for (const lead of leads.slice(0, 500)) await engine.run(lead)
// Only the verdicts are kept: holding 10,000 JRE results would slow everything after by GC.
const verdicts: JreVerdict[] = []
let started = performance.now()
for (const lead of leads) verdicts.push(jreVerdict(await engine.run(lead), ruleset.policy))
const jreMs = performance.now() - started
const jrePerSecond = (LEADS * 1000) / jreMs
console.log(`json-rules-engine: ${LEADS} leads in ${jreMs.toFixed(0)} ms`)

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

let evaluations = 0
let traced = 0
started = performance.now()
let elapsed = 0
while (elapsed < OURS_MIN_MS) {
  for (const lead of leads) traced += compiled.evaluate(lead, { trace: 'full' }).trace.length
  evaluations += LEADS
  elapsed = performance.now() - started
}
const oursPerSecond = (evaluations * 1000) / elapsed
console.log(
  `leadgate (trace: full): ${evaluations} evaluations in ${elapsed.toFixed(0)} ms, ` +
    `${(traced / evaluations).toFixed(0)} trace entries each`,
)

console.log(
  `RESULT engine ratio=${(oursPerSecond / jrePerSecond).toFixed(1)} ` +
    `ours=${Math.round(oursPerSecond)} jre=${Math.round(jrePerSecond)} mismatches=${mismatches}`,
)
