import { Engine } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import {
  exportJre,
  parseRuleset,
  RULESET_CONTENT_TYPE,
  RULESET_SCHEMA_VERSION,
  type RulesetInput,
} from '../../engine/index.ts'
import { registerLeadOperators } from '../support/jre-lead-operators.ts'

type RuleInput = RulesetInput['rules'][number]

const rulesetOf = (rules: RuleInput[], lists: Record<string, string[]> = {}) =>
  parseRuleset({
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: RULESET_SCHEMA_VERSION,
    id: 'export-test',
    name: 'Export test',
    policy: { acceptAt: 20, nurtureAt: 10 },
    lists,
    rules,
  })

describe('exportJre', () => {
  it('writes nested facts as a fact and a JSONPath, lists in full, and the leadgate event', () => {
    const ruleset = rulesetOf(
      [
        {
          id: 'competitor',
          name: 'Not a competitor',
          owner: 'sales',
          kind: 'disqualify',
          when: {
            any: [
              { fact: 'company.domain', operator: 'in', value: { list: 'rivals' } },
              { not: { fact: 'bant.budget', operator: 'exists' } },
            ],
          },
          onMissing: 'reject',
          rationale: 'They never buy',
        },
      ],
      { rivals: ['rival.com'] },
    )
    expect(exportJre(ruleset).rules).toEqual([
      {
        name: 'Not a competitor',
        conditions: {
          any: [
            {
              fact: 'company',
              path: '$.domain',
              operator: 'in',
              value: ['rival.com'],
              leadgate: { list: 'rivals' },
            },
            { not: { fact: 'bant', path: '$.budget', operator: 'exists', value: true } },
          ],
        },
        event: {
          type: 'competitor',
          params: {
            ruleId: 'competitor',
            kind: 'disqualify',
            owner: 'sales',
            onMissing: 'reject',
            rationale: 'They never buy',
          },
        },
      },
    ])
  })

  it('wraps a rule whose condition is a single leaf in an all, as JRE requires', () => {
    const ruleset = rulesetOf([
      {
        id: 'big',
        name: 'Big',
        owner: 'sales',
        kind: 'score',
        points: 10,
        when: { fact: 'company.employees', operator: 'greaterThan', value: 500 },
      },
    ])
    expect(exportJre(ruleset).rules[0]!.conditions).toEqual({
      all: [{ fact: 'company', path: '$.employees', operator: 'greaterThan', value: 500 }],
      leadgate: { wrapper: true },
    })
  })

  it('keeps an imported event type, priority and params next to the leadgate params', () => {
    const ruleset = rulesetOf([
      {
        id: 'fit',
        name: 'Fit',
        owner: 'marketing',
        kind: 'score',
        points: 5,
        when: { all: [{ fact: 'score', operator: 'greaterThan', value: 1 }] },
        event: { type: 'lead-fit', params: { channel: 'web' } },
        priority: 3,
      },
    ])
    const [rule] = exportJre(ruleset).rules
    expect(rule!.priority).toBe(3)
    expect(rule!.event).toEqual({
      type: 'lead-fit',
      params: { channel: 'web', ruleId: 'fit', kind: 'score', owner: 'marketing', points: 5 },
    })
  })

  it('lists the operators JRE lacks, in the operator table order', () => {
    const ruleset = rulesetOf([
      {
        id: 'title',
        name: 'Title',
        owner: 'sales',
        kind: 'require',
        when: {
          any: [
            { fact: 'contact.title', operator: 'titleHasAny', value: ['vp'] },
            { fact: 'company.employees', operator: 'between', value: [10, 20] },
            { fact: 'company.employees', operator: 'greaterThan', value: 5 },
          ],
        },
      },
    ])
    expect(exportJre(ruleset).customOperators).toEqual(['between', 'titleHasAny'])
  })

  it('skips disabled rules and says which', () => {
    const ruleset = rulesetOf([
      {
        id: 'off',
        name: 'Off',
        owner: 'sales',
        kind: 'require',
        enabled: false,
        when: { all: [{ fact: 'score', operator: 'equal', value: 1 }] },
      },
    ])
    expect(exportJre(ruleset)).toEqual({ rules: [], customOperators: [], skippedRules: ['off'] })
  })

  it('gives rules json-rules-engine runs, with the lead operators registered', async () => {
    const ruleset = rulesetOf([
      {
        id: 'vp',
        name: 'VP title',
        owner: 'sales',
        kind: 'score',
        points: 20,
        when: {
          all: [
            { fact: 'contact.title', operator: 'titleHasAny', value: ['vice president'] },
            { fact: 'company.employees', operator: 'between', value: [100, 1000] },
          ],
        },
      },
    ])
    const engine = registerLeadOperators(new Engine(exportJre(ruleset).rules))
    const fired = await engine.run({
      contact: { title: 'Vice-President, Sales' },
      company: { employees: 250 },
    })
    expect(fired.events).toEqual([
      {
        type: 'vp',
        params: { ruleId: 'vp', kind: 'score', owner: 'sales', points: 20 },
      },
    ])
  })
})
