import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset, type Ruleset } from '../../engine/index.ts'
import { diffRulesets } from '../../editor/model/index.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
const edit = (change: (copy: Ruleset) => void): Ruleset => {
  const copy = structuredClone(b2b)
  change(copy)
  return copy
}

describe('diffRulesets', () => {
  it('finds nothing between a version and itself, whatever the layout', () => {
    const moved = edit((copy) => (copy.layout = { positions: { policy: [99, 99] } }))
    expect(diffRulesets(b2b, moved)).toEqual({
      nodes: { added: new Set(), removed: new Set(), changed: new Set() },
      changes: [],
    })
  })

  it('names a changed condition in words, before and after', () => {
    const raised = edit((copy) => {
      copy.rules[2]!.when = {
        all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 100 }],
      }
    })
    const diff = diffRulesets(b2b, raised)
    expect(diff.nodes.changed).toEqual(new Set(['rule:min-employees/when.all.0']))
    expect(diff.changes).toEqual([
      {
        area: 'rule',
        id: 'min-employees',
        name: 'At least 50 employees',
        change: 'changed',
        fields: [
          {
            field: 'Condition',
            before: 'Employees is at least 50',
            after: 'Employees is at least 100',
          },
        ],
      },
    ])
  })

  it('lists an added rule with its conditions and highlights its nodes', () => {
    const added = edit((copy) => {
      copy.rules.push({
        id: 'no-dnc',
        name: 'Can be called',
        owner: 'sales',
        kind: 'disqualify',
        when: { fact: 'contact.doNotCall', operator: 'equal', value: true },
      })
    })
    const diff = diffRulesets(b2b, added)
    expect(diff.nodes.added).toEqual(new Set(['rule:no-dnc', 'rule:no-dnc/when']))
    expect(diff.changes).toEqual([
      {
        area: 'rule',
        id: 'no-dnc',
        name: 'Can be called',
        change: 'added',
        fields: [{ field: 'Condition', after: 'Do not call is yes' }],
      },
    ])
  })

  it('reports removed rules, threshold changes and list edits', () => {
    const changed = edit((copy) => {
      copy.rules = copy.rules.filter((rule) => rule.id !== 'need')
      copy.policy.acceptAt = 70
      copy.lists['competitor-domains'] = [...copy.lists['competitor-domains']!, 'rival.io']
    })
    const diff = diffRulesets(b2b, changed)
    expect(diff.nodes.removed).toEqual(
      new Set(['rule:need', 'rule:need/when', 'rule:need/when.all.0']),
    )
    expect(diff.changes.map((item) => [item.area, item.id, item.change, item.fields])).toEqual([
      ['policy', 'policy', 'changed', [{ field: 'Accept at', before: '60', after: '70' }]],
      [
        'rule',
        'need',
        'removed',
        [
          { field: 'Condition', before: 'ALL of' },
          { field: 'Condition', before: 'Need is one of Confirmed or Likely' },
        ],
      ],
      ['list', 'competitor-domains', 'changed', [{ field: 'Added', after: 'rival.io' }]],
    ])
  })

  it('reports an owner change on a rule', () => {
    const moved = edit((copy) => (copy.rules[0]!.owner = 'marketing'))
    expect(diffRulesets(b2b, moved).changes).toEqual([
      {
        area: 'rule',
        id: 'competitor',
        name: 'Not a competitor',
        change: 'changed',
        fields: [{ field: 'Owner', before: 'sales', after: 'marketing' }],
      },
    ])
  })
})
