/**
 * `npm start` until the server exists: evaluates each example ruleset's saved test leads and
 * prints the decisions, so a fresh checkout shows what leadgate does.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileRuleset, validateRuleset } from '../engine/index.ts'

const folder = join(import.meta.dirname, '..', 'rulesets')
// `<id>.mapping.json` files beside a ruleset say how to read its leads; they are not rulesets.
const rulesetFiles = readdirSync(folder).filter(
  (name) => name.endsWith('.json') && !name.endsWith('.mapping.json'),
)
for (const file of rulesetFiles) {
  const result = validateRuleset(JSON.parse(readFileSync(join(folder, file), 'utf8')))
  if (!result.ok) {
    console.error(
      `${file}: invalid\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
    )
    process.exitCode = 1
    continue
  }
  const compiled = compileRuleset(result.ruleset)
  console.log(`\n${result.ruleset.name} (${file}), version ${result.ruleset.version}`)
  for (const test of result.ruleset.testLeads) {
    const decision = compiled.evaluate(test.lead, { trace: 'none' })
    console.log(`\n  ${test.name}: ${decision.outcome.toUpperCase()} (score ${decision.score})`)
    for (const reason of decision.reasons) console.log(`    - ${reason.text}`)
    for (const persona of decision.personas) {
      console.log(`    persona: ${persona.name} ${Math.round(persona.match * 100)}%`)
    }
  }
}
