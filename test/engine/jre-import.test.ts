import { describe, expect, it } from 'vitest'
import {
  importJre,
  InvalidJreDocumentError,
  RulesetValidationError,
  UnsupportedFeatureError,
} from '../../engine/index.ts'

/** The first unsupported feature `importJre` reports, with the others it found. */
function refusal(input: unknown, options?: Parameters<typeof importJre>[1]) {
  try {
    importJre(input, options)
  } catch (error) {
    if (!(error instanceof UnsupportedFeatureError)) throw error
    return [
      { feature: error.feature, path: error.path },
      ...error.also.map(({ feature, path }) => ({ feature, path })),
    ]
  }
  throw new Error('expected an UnsupportedFeatureError')
}

const leaf = (extra: Record<string, unknown> = {}) => ({
  fact: 'company',
  path: '$.employees',
  operator: 'greaterThanInclusive',
  value: 50,
  ...extra,
})
const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({
  conditions,
  event: { type: 'big-enough' },
  ...extra,
})

describe('importJre: rules json-rules-engine runs', () => {
  it('maps all, any, not and leaves with a JSONPath to dotted facts', () => {
    const { ruleset } = importJre(
      rule({
        any: [
          {
            all: [leaf(), { fact: 'bant', path: "$['budget']", operator: 'greaterThan', value: 0 }],
          },
          { not: { fact: 'region', operator: 'in', value: ['APAC', 'LATAM'] } },
        ],
      }),
    )
    expect(ruleset.rules[0]!.when).toEqual({
      any: [
        {
          all: [
            { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 },
            { fact: 'bant.budget', operator: 'greaterThan', value: 0 },
          ],
        },
        { not: { fact: 'region', operator: 'in', value: ['APAC', 'LATAM'] } },
      ],
    })
  })

  it('reads one rule, an array of rules and { rules } alike', () => {
    const one = importJre(rule({ all: [leaf()] })).ruleset.rules
    expect(importJre([rule({ all: [leaf()] })]).ruleset.rules).toEqual(one)
    expect(importJre({ rules: [rule({ all: [leaf()] })] }).ruleset.rules).toEqual(one)
  })

  it('keeps name, priority and event, with defaults for kind and owner', () => {
    const { ruleset } = importJre(
      rule(
        { all: [leaf()] },
        { name: 'Big enough', priority: 5, event: { type: 'fit', params: { tier: 1 } } },
      ),
    )
    expect(ruleset.rules[0]).toEqual({
      id: 'big-enough',
      name: 'Big enough',
      owner: 'sales',
      kind: 'require',
      when: { all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }] },
      event: { type: 'fit', params: { tier: 1 } },
      priority: 5,
    })
  })

  it('takes kind, owner and points from the options when the event does not carry them', () => {
    const { ruleset } = importJre(rule({ all: [leaf()] }), {
      kind: 'score',
      points: 15,
      owner: 'marketing',
      id: 'from-jre',
      name: 'From JRE',
      policy: { acceptAt: 10, nurtureAt: 5 },
    })
    expect(ruleset).toMatchObject({
      id: 'from-jre',
      name: 'From JRE',
      policy: { acceptAt: 10, nurtureAt: 5 },
    })
    expect(ruleset.rules[0]).toMatchObject({ kind: 'score', points: 15, owner: 'marketing' })
  })

  it('reads the leadgate id, kind, owner, points, onMissing and rationale from event params', () => {
    const { ruleset } = importJre(
      rule(
        { all: [leaf()] },
        {
          event: {
            type: 'size',
            params: {
              ruleId: 'min-size',
              kind: 'score',
              owner: 'marketing',
              points: 20,
              onMissing: 'reject',
              rationale: 'Small firms churn',
              channel: 'web',
            },
          },
        },
      ),
    )
    expect(ruleset.rules[0]).toEqual({
      id: 'min-size',
      name: 'size',
      owner: 'marketing',
      kind: 'score',
      points: 20,
      onMissing: 'reject',
      rationale: 'Small firms churn',
      when: { all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }] },
      event: { type: 'size', params: { channel: 'web' } },
    })
  })

  it('keeps event params that are not valid leadgate values as plain params', () => {
    const { ruleset } = importJre(
      rule({ all: [leaf()] }, { event: { type: 'x', params: { kind: 'vip' } } }),
    )
    expect(ruleset.rules[0]).toMatchObject({
      kind: 'require',
      event: { type: 'x', params: { kind: 'vip' } },
    })
  })

  it('makes slug ids from names and event types, unique within the ruleset', () => {
    const { ruleset } = importJre([
      rule({ all: [leaf()] }, { name: 'Athlete GPA Rule' }),
      rule({ all: [leaf()] }, { event: { type: 'fouledOut' } }),
      rule({ all: [leaf()] }, { name: 'Athlete GPA Rule' }),
      rule({ all: [leaf()] }, { event: { type: 'x', params: { ruleId: 'athlete-gpa-rule' } } }),
    ])
    expect(ruleset.rules.map((r) => r.id)).toEqual([
      'athlete-gpa-rule-2',
      'fouled-out',
      'athlete-gpa-rule-3',
      'athlete-gpa-rule',
    ])
  })

  it('inlines named conditions, also under not, from the document or the options', () => {
    const shared = { all: [{ fact: 'drinksOrangeJuice', operator: 'equal', value: true }] }
    const rules = [
      rule({
        all: [{ condition: 'screwdriver' }, { fact: 'isSociable', operator: 'equal', value: true }],
      }),
      rule({ not: { condition: 'screwdriver' } }, { event: { type: 'other' } }),
    ]
    const fromDocument = importJre({ rules, conditions: { screwdriver: shared } }).ruleset.rules
    expect(fromDocument.map((r) => r.when)).toEqual([
      { all: [shared, { fact: 'isSociable', operator: 'equal', value: true }] },
      { not: shared },
    ])
    expect(importJre(rules, { conditions: { screwdriver: shared } }).ruleset.rules).toEqual(
      fromDocument,
    )
  })

  it('unwraps the single-leaf group exportJre writes for a rule whose condition is one leaf', () => {
    const { ruleset } = importJre(rule({ all: [leaf()], leadgate: { wrapper: true } }))
    expect(ruleset.rules[0]!.when).toEqual({
      fact: 'company.employees',
      operator: 'greaterThanInclusive',
      value: 50,
    })
  })

  it('restores list references from the notes exportJre writes', () => {
    const domains = ['rival.com', 'other.io']
    const { ruleset } = importJre(
      rule({
        any: [
          {
            fact: 'company',
            path: '$.domain',
            operator: 'in',
            value: domains,
            leadgate: { list: 'rivals' },
          },
          {
            fact: 'contact',
            path: '$.emailDomain',
            operator: 'in',
            value: domains,
            leadgate: { list: 'rivals' },
          },
        ],
      }),
    )
    expect(ruleset.lists).toEqual({ rivals: domains })
    expect(ruleset.rules[0]!.when).toEqual({
      any: [
        { fact: 'company.domain', operator: 'in', value: { list: 'rivals' } },
        { fact: 'contact.emailDomain', operator: 'in', value: { list: 'rivals' } },
      ],
    })
  })

  it('keeps a list value inline when another condition gives the same list other values', () => {
    const { ruleset, warnings } = importJre(
      rule({
        any: [
          { fact: 'a', operator: 'in', value: ['x'], leadgate: { list: 'names' } },
          { fact: 'b', operator: 'in', value: ['y'], leadgate: { list: 'names' } },
        ],
      }),
    )
    expect(ruleset.rules[0]!.when).toEqual({
      any: [
        { fact: 'a', operator: 'in', value: { list: 'names' } },
        { fact: 'b', operator: 'in', value: ['y'] },
      ],
    })
    expect(warnings).toContainEqual(
      expect.objectContaining({
        path: 'conditions.any[1].leadgate.list',
        code: 'jre_list_conflict',
      }),
    )
  })

  it('drops condition names and custom properties with a warning naming each', () => {
    const { ruleset, warnings } = importJre(
      rule(
        { any: [{ all: [leaf({ priority: 2 })], name: 'short foul limit' }] },
        { customId: 'u1' },
      ),
    )
    expect(ruleset.rules[0]!.when).toEqual({
      any: [{ all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }] }],
    })
    expect(warnings.filter((w) => w.code === 'jre_dropped_property').map((w) => w.path)).toEqual([
      'customId',
      'conditions.any[0].name',
      'conditions.any[0].all[0].priority',
    ])
  })

  it('reads a lead operator name as leadgate’s, with a warning unless the document declares it', () => {
    const titleRule = rule({
      all: [{ fact: 'contact', path: '$.title', operator: 'titleHasAny', value: ['vp'] }],
    })
    expect(importJre(titleRule).warnings).toContainEqual(
      expect.objectContaining({ path: 'conditions.all[0].operator', code: 'jre_custom_operator' }),
    )
    const declared = importJre({ rules: [titleRule], customOperators: ['titleHasAny'] })
    expect(declared.warnings.filter((w) => w.code === 'jre_custom_operator')).toEqual([])
  })

  it('reads a blank text where it does not test for an absent fact', () => {
    const { ruleset } = importJre(
      rule({ all: [{ fact: 'source', operator: 'notEqual', value: '' }] }),
    )
    expect(ruleset.rules[0]!.when).toEqual({
      all: [{ fact: 'source', operator: 'notEqual', value: '' }],
    })
  })

  it('imports exists without the value JRE requires', () => {
    const { ruleset } = importJre(
      rule({ all: [{ fact: 'bant', path: '$.budget', operator: 'exists', value: true }] }),
    )
    expect(ruleset.rules[0]!.when).toEqual({ all: [{ fact: 'bant.budget', operator: 'exists' }] })
  })
})

describe('importJre: features leadgate refuses rather than guesses', () => {
  const cases: [string, unknown, { feature: string; path: string }][] = [
    [
      'fact params',
      leaf({ params: { unit: 'years' } }),
      { feature: 'fact params', path: 'conditions.all[0].params' },
    ],
    [
      'fact comparison',
      leaf({ value: { fact: 'product', path: '$.price' } }),
      { feature: 'fact comparison', path: 'conditions.all[0].value' },
    ],
    [
      'operator decorator',
      leaf({ operator: 'everyFact:in', value: ['a'] }),
      { feature: 'operator decorator', path: 'conditions.all[0].operator' },
    ],
    [
      'custom operator',
      leaf({ operator: 'isEven' }),
      { feature: 'custom operator', path: 'conditions.all[0].operator' },
    ],
    [
      'array index in a path',
      leaf({ path: '$.tags[0]' }),
      { feature: 'complex JSONPath', path: 'conditions.all[0].path' },
    ],
    [
      'recursive descent',
      leaf({ path: '$..employees' }),
      { feature: 'complex JSONPath', path: 'conditions.all[0].path' },
    ],
    [
      'wildcard',
      leaf({ path: '$.*' }),
      { feature: 'complex JSONPath', path: 'conditions.all[0].path' },
    ],
    [
      'filter',
      leaf({ path: '$[?(@.x > 1)]' }),
      { feature: 'complex JSONPath', path: 'conditions.all[0].path' },
    ],
    [
      'dotted fact id',
      leaf({ fact: 'company.employees', path: undefined }),
      { feature: 'dotted fact id', path: 'conditions.all[0].fact' },
    ],
    [
      'fact id with a space',
      leaf({ fact: 'Lead Source', path: undefined }),
      { feature: 'fact id', path: 'conditions.all[0].fact' },
    ],
    [
      'comparison with null',
      leaf({ operator: 'equal', value: null }),
      { feature: 'comparison with a missing value', path: 'conditions.all[0].value' },
    ],
    [
      'comparison with blank text',
      leaf({ operator: 'in', value: ['a', ' '] }),
      { feature: 'comparison with a missing value', path: 'conditions.all[0].value[1]' },
    ],
    [
      'object value',
      leaf({ operator: 'equal', value: { a: 1 } }),
      { feature: 'object value', path: 'conditions.all[0].value' },
    ],
    [
      'in on text',
      leaf({ operator: 'in', value: 'abc' }),
      { feature: '"in" on text', path: 'conditions.all[0].value' },
    ],
    [
      'unresolved shared condition',
      { condition: 'missing' },
      { feature: 'unresolved shared condition', path: 'conditions.all[0].condition' },
    ],
  ]
  for (const [name, condition, expected] of cases) {
    it(`refuses ${name}`, () => {
      expect(refusal(rule({ all: [condition] }))).toEqual([expected])
    })
  }

  it('refuses an empty group, which JRE counts as true', () => {
    expect(refusal(rule({ any: [] }))).toEqual([{ feature: 'empty group', path: 'conditions.any' }])
  })

  it('refuses rule callbacks such as onSuccess', () => {
    expect(refusal(rule({ all: [leaf()] }, { onSuccess: () => undefined }))).toEqual([
      { feature: 'rule callback', path: 'onSuccess' },
    ])
  })

  it('reports every unsupported feature of a document in one error', () => {
    const error = (() => {
      try {
        importJre({
          rules: [
            rule({ all: [leaf({ params: { a: 1 } }), leaf({ operator: 'everyFact:in' })] }),
            rule({ any: [{ condition: 'nowhere' }] }),
          ],
        })
      } catch (caught) {
        return caught as UnsupportedFeatureError
      }
    })()!
    expect(error).toBeInstanceOf(UnsupportedFeatureError)
    expect(error.code).toBe('unsupported_jre_feature')
    expect(error.message).toBe(
      [
        'rules[0].conditions.all[0].params: unsupported json-rules-engine feature "fact params": params feed a fact computed by code (engine.addFact); leadgate reads facts from the lead',
        'rules[0].conditions.all[1].operator: unsupported json-rules-engine feature "operator decorator": "everyFact:in" applies decorators (everyFact) made of code registered with the engine',
        'rules[1].conditions.any[0].condition: unsupported json-rules-engine feature "unresolved shared condition": no condition named "nowhere" was given (engine.setCondition); leadgate does not treat a missing condition as false',
      ].join('\n'),
    )
  })
})

describe('importJre: documents JRE itself would refuse', () => {
  const invalid = (input: unknown) => {
    try {
      importJre(input)
    } catch (error) {
      if (error instanceof InvalidJreDocumentError) return error.message
      throw error
    }
    throw new Error('expected an InvalidJreDocumentError')
  }

  it('names a rule without conditions', () => {
    expect(invalid([{ event: { type: 'x' } }])).toBe('[0].conditions: a rule needs "conditions"')
  })

  it('names a condition with two forms', () => {
    expect(invalid(rule({ all: [leaf({ any: [] })] }))).toBe(
      'conditions.all[0]: a condition has one of "all", "any", "not", "condition" or "fact"; found "any" and "fact"',
    )
  })

  it('names a leaf without a value', () => {
    expect(invalid(rule({ all: [{ fact: 'a', operator: 'equal' }] }))).toBe(
      'conditions.all[0].value: a condition needs a "value"',
    )
  })

  it('refuses __proto__ keys anywhere', () => {
    expect(
      invalid(
        JSON.parse(
          '{"conditions":{"all":[{"fact":"a","operator":"equal","value":1,"__proto__":{"x":1}}]}}',
        ),
      ),
    ).toBe('conditions.all[0].__proto__: the key "__proto__" is not allowed')
  })

  it('refuses a named condition that refers to itself', () => {
    expect(
      invalid({
        rules: [rule({ all: [{ condition: 'loop' }] })],
        conditions: { loop: { not: { condition: 'loop' } } },
      }),
    ).toBe('conditions.loop.not.condition: condition "loop" refers to itself (loop → loop)')
  })

  it('says what it expected of something that is not a rule', () => {
    expect(invalid('rules')).toBe(
      '(document): expected a json-rules-engine rule ({ conditions, event }), an array of rules or { rules: [...] }',
    )
  })
})

describe('importJre: the result is a valid ruleset', () => {
  it('answers a ruleset validation error in ruleset terms', () => {
    expect(() => importJre(rule({ all: [leaf({ operator: 'lessThan', value: 'ten' })] }))).toThrow(
      RulesetValidationError,
    )
    expect(() => importJre(rule({ all: [leaf({ operator: 'lessThan', value: 'ten' })] }))).toThrow(
      'rules[0].when.all[0].value: "lessThan" needs a number',
    )
  })
})
