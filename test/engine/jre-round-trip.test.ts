import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  exportJre,
  importJre,
  isListRef,
  parseRuleset,
  type Condition,
  type Ruleset,
} from '../../engine/index.ts'
import { rulesetArbitrary } from '../support/ruleset-arbitraries.ts'

const back = (ruleset: Ruleset) =>
  importJre(exportJre(ruleset), { id: ruleset.id, name: ruleset.name, policy: ruleset.policy })
    .ruleset

function listsUsed(condition: Condition, into = new Set<string>()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => listsUsed(c, into))
  else if ('any' in condition) condition.any.forEach((c) => listsUsed(c, into))
  else if ('not' in condition) listsUsed(condition.not, into)
  else if (isListRef(condition.value)) into.add(condition.value.list)
  return into
}

describe('exportJre then importJre', () => {
  it('gives back the same rules and the lists they use, for generated rulesets', () => {
    fc.assert(
      fc.property(rulesetArbitrary, (input) => {
        const ruleset = parseRuleset(input)
        const enabled = ruleset.rules.filter((rule) => rule.enabled !== false)
        const used = new Set(enabled.flatMap((rule) => [...listsUsed(rule.when)]))
        const imported = back(ruleset)
        expect(imported.rules).toEqual(enabled)
        expect(imported.lists).toEqual(
          Object.fromEntries(Object.entries(ruleset.lists).filter(([name]) => used.has(name))),
        )
      }),
      { numRuns: 500 },
    )
  })

  it('gives back b2b-inbound’s rules and lists exactly', () => {
    const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
    const imported = back(ruleset)
    expect(imported.rules).toEqual(ruleset.rules)
    expect(imported.lists).toEqual(ruleset.lists)
  })

  it('exports an imported JRE document to the same JRE rules', () => {
    const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
    const exported = exportJre(ruleset)
    expect(exportJre(back(ruleset))).toEqual(exported)
  })
})
