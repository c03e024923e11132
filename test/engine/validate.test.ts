import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  parseRuleset,
  RULESET_CONTENT_TYPE,
  RulesetValidationError,
  validateRuleset,
  type RulesetIssue,
} from '../../engine/index.ts'

const leaf = { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }

/** A raw ruleset document (not parsed), so tests can break it. */
function document(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: 1,
    id: 'test',
    name: 'Test',
    policy: { acceptAt: 60, nurtureAt: 30 },
    lists: { 'competitor-domains': ['collabrix.com'] },
    rules: [
      { id: 'fit', name: 'Fit', owner: 'sales', kind: 'score', points: 60, when: { all: [leaf] } },
    ],
    ...extra,
  }
}

/** A document whose only rule is a score rule with this condition. */
const withCondition = (when: unknown, rule: Record<string, unknown> = {}) =>
  document({
    rules: [{ id: 'fit', name: 'Fit', owner: 'sales', kind: 'score', points: 60, when, ...rule }],
  })

function errorsOf(input: unknown): RulesetIssue[] {
  const result = validateRuleset(input)
  if (result.ok) throw new Error('expected the ruleset to be invalid')
  return result.errors
}

function warningsOf(input: unknown): RulesetIssue[] {
  const result = validateRuleset(input)
  if (!result.ok) throw new Error(`expected a valid ruleset: ${JSON.stringify(result.errors)}`)
  return result.warnings
}

const schemaError = (path: string, message: string): RulesetIssue => ({
  path,
  message,
  severity: 'error',
  code: 'schema',
})

/** `{ not: { not: ... leaf } }` as JSON text, without recursion in the test either. */
function notChain(depth: number, inner = JSON.stringify(leaf)): string {
  return `${'{"not":'.repeat(depth)}${inner}${'}'.repeat(depth)}`
}

describe('schema errors name the JSON path', () => {
  it('points at a misspelt operator and suggests the right one', () => {
    const rules = [0, 1, 2, 3].map((at) => ({
      id: `rule-${at}`,
      name: `Rule ${at}`,
      owner: 'sales',
      kind: 'require',
      when: { all: [leaf, at === 3 ? { ...leaf, operator: 'greaterThen' } : leaf] },
    }))
    expect(errorsOf(document({ rules }))).toEqual([
      schemaError(
        'rules[3].when.all[1].operator',
        'unknown operator "greaterThen"; did you mean "greaterThan"?',
      ),
    ])
  })

  it('gives no suggestion for an operator nothing like a known one', () => {
    expect(errorsOf(withCondition({ ...leaf, operator: 'matchesRegex' }))).toEqual([
      schemaError('rules[0].when.operator', 'unknown operator "matchesRegex"'),
    ])
  })

  it('throws a RulesetValidationError listing path: message from parseRuleset', () => {
    const bad = withCondition({ ...leaf, operator: 'greaterThen' })
    expect(() => parseRuleset(bad)).toThrow(
      new RulesetValidationError([
        schemaError(
          'rules[0].when.operator',
          'unknown operator "greaterThen"; did you mean "greaterThan"?',
        ),
      ]),
    )
  })

  it('gives the error a stable code and its issues', () => {
    try {
      parseRuleset(withCondition({ ...leaf, operator: 'greaterThen' }))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RulesetValidationError)
      expect((error as RulesetValidationError).code).toBe('invalid_ruleset')
      expect((error as RulesetValidationError).message).toBe(
        'rules[0].when.operator: unknown operator "greaterThen"; did you mean "greaterThan"?',
      )
    }
  })

  it('names each wrong field of a rule', () => {
    const rule = { id: 'Min Employees', name: ' ', owner: 'legal', kind: 'maybe', when: leaf }
    expect(errorsOf(document({ rules: [rule] }))).toEqual([
      schemaError('rules[0].id', 'use lower-case letters, digits and dashes, e.g. "min-employees"'),
      schemaError('rules[0].name', 'a name is required'),
      schemaError('rules[0].owner', 'owner is "marketing" or "sales"'),
      schemaError('rules[0].kind', 'kind is "require", "disqualify" or "score"'),
    ])
  })

  it('names a wrong content type and schema version', () => {
    expect(errorsOf(document({ contentType: 'application/json', schemaVersion: 2 }))).toEqual([
      schemaError('contentType', `contentType must be "${RULESET_CONTENT_TYPE}"`),
      schemaError('schemaVersion', 'schemaVersion must be 1'),
    ])
  })

  it('rejects an id that could escape a folder', () => {
    expect(errorsOf(document({ id: '../etc' }))).toEqual([
      schemaError('id', 'use lower-case letters, digits and dashes, e.g. "min-employees"'),
    ])
  })
})

describe('unknown keys', () => {
  it('names the key and suggests the known one', () => {
    expect(errorsOf(withCondition({ all: [leaf] }, { onMisssing: 'reject' }))).toEqual([
      schemaError('rules[0].onMisssing', 'unknown key "onMisssing"; did you mean "onMissing"?'),
    ])
  })

  it('names an unknown top-level key', () => {
    expect(errorsOf(document({ polcy: {} }))).toEqual([
      schemaError('polcy', 'unknown key "polcy"; did you mean "policy"?'),
    ])
  })

  it('explains json-rules-engine\'s "path" in a condition', () => {
    expect(errorsOf(withCondition({ ...leaf, path: '$.employees' }))).toEqual([
      schemaError(
        'rules[0].when.path',
        'unknown key "path"; write the path into the fact instead, e.g. "company.employees"',
      ),
    ])
  })

  it('names every unknown key of one object', () => {
    expect(errorsOf(document({ policy: { acceptAt: 60, nurtureAt: 30, foo: 1, bar: 2 } }))).toEqual(
      [
        schemaError('policy.foo', 'unknown key "foo"'),
        schemaError('policy.bar', 'unknown key "bar"'),
      ],
    )
  })
})

describe('condition forms', () => {
  it('refuses a condition with two forms', () => {
    expect(errorsOf(withCondition({ ...leaf, all: [leaf] }))).toEqual([
      schemaError(
        'rules[0].when',
        'a condition has exactly one of "all", "any", "not" or "fact"; found "all" and "fact"',
      ),
    ])
  })

  it('refuses a condition with no form', () => {
    expect(errorsOf(withCondition({}))).toEqual([
      schemaError(
        'rules[0].when',
        'a condition needs "all", "any", "not" or a "fact" with an "operator"',
      ),
    ])
  })

  it('refuses a fact without an operator', () => {
    expect(errorsOf(withCondition({ fact: 'company.employees' }))).toEqual([
      schemaError('rules[0].when.operator', 'a condition on a fact needs an operator'),
    ])
  })

  it('refuses an operator on a group', () => {
    expect(errorsOf(withCondition({ any: [leaf], operator: 'equal' }))).toEqual([
      schemaError('rules[0].when', '"operator" and "value" belong to a condition on a fact'),
    ])
  })

  it('refuses an empty group', () => {
    expect(errorsOf(withCondition({ any: [] }))).toEqual([
      schemaError('rules[0].when.any', 'an "any" group needs at least one condition'),
    ])
  })

  it('refuses a fact that is not a dotted path', () => {
    expect(errorsOf(withCondition({ ...leaf, fact: 'company..employees' }))).toEqual([
      schemaError('rules[0].when.fact', 'a fact is a dotted path such as "company.employees"'),
    ])
  })
})

describe('nesting depth', () => {
  it('accepts 32 levels (31 nots around a fact)', () => {
    expect(validateRuleset(withCondition(JSON.parse(notChain(31)))).ok).toBe(true)
  })

  it('refuses 33 levels', () => {
    expect(errorsOf(withCondition(JSON.parse(notChain(32))))).toEqual([
      schemaError('rules[0].when', 'conditions may nest at most 32 levels deep'),
    ])
  })

  it('does not count a list reference as a level', () => {
    const listed = JSON.stringify({
      fact: 'company.domain',
      operator: 'in',
      value: { list: 'competitor-domains' },
    })
    expect(validateRuleset(withCondition(JSON.parse(notChain(31, listed)))).ok).toBe(true)
  })

  it('answers a 10,000-deep not chain with one error instead of overflowing the stack', () => {
    const text = JSON.stringify(document()).replace(
      JSON.stringify({ all: [leaf] }),
      notChain(10_000),
    )
    expect(errorsOf(JSON.parse(text))).toEqual([
      schemaError('rules[0].when', 'conditions may nest at most 32 levels deep'),
    ])
  })

  it('answers a 10,000-deep all chain in a persona with one error', () => {
    const chain = `${'{"all":['.repeat(10_000)}${JSON.stringify(leaf)}${']}'.repeat(10_000)}`
    const text = JSON.stringify(
      document({ personas: [{ id: 'deep', name: 'Deep', match: 'HOLE' }] }),
    ).replace('"HOLE"', chain)
    expect(errorsOf(JSON.parse(text))).toEqual([
      schemaError('personas[0].match', 'conditions may nest at most 32 levels deep'),
    ])
  })
})

describe('prototype keys', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'company.__proto__', 'company.constructor'])(
    'refuses the fact path %s',
    (fact) => {
      expect(errorsOf(withCondition({ fact, operator: 'exists' }))).toEqual([
        schemaError(
          'rules[0].when.fact',
          'a fact path may not use __proto__, constructor or prototype',
        ),
      ])
    },
  )

  it('refuses __proto__ as a key anywhere, though JSON.parse hides it from zod', () => {
    const text = JSON.stringify(document({ layout: { fit: { x: 1 } } })).replace(
      '"layout":{',
      '"layout":{"__proto__":{"polluted":true},',
    )
    expect(errorsOf(JSON.parse(text))).toEqual([
      {
        path: 'layout.__proto__',
        message: '"__proto__" is not allowed as a key',
        severity: 'error',
        code: 'forbidden_key',
      },
    ])
  })

  it('refuses constructor and prototype keys in a test lead', () => {
    const input = document({
      testLeads: [{ name: 'odd', lead: { company: { constructor: 1, prototype: 2 } } }],
    })
    expect(errorsOf(input).map((issue) => [issue.path, issue.code])).toEqual([
      ['testLeads[0].lead.company.constructor', 'forbidden_key'],
      ['testLeads[0].lead.company.prototype', 'forbidden_key'],
    ])
  })

  it('refuses a custom field whose key is not a fact path', () => {
    expect(
      errorsOf(document({ fields: { 'partner tier': { type: 'string', label: 'Tier' } } })),
    ).toEqual([
      schemaError(
        'fields["partner tier"]',
        '"partner tier": a fact is a dotted path such as "company.employees"',
      ),
    ])
  })

  it('quotes a dotted key in a path so it stays unambiguous', () => {
    const input = document({ fields: { 'custom.tier': { type: 'colour', label: 'Tier' } } })
    expect(errorsOf(input).map((issue) => issue.path)).toEqual(['fields["custom.tier"].type'])
  })

  it('leaves Object.prototype untouched', () => {
    const text = JSON.stringify(document()).replace('"lists":{', '"lists":{"__proto__":{"x":[1]},')
    validateRuleset(JSON.parse(text))
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})

describe('semantic errors', () => {
  const rule = (id: string, kind = 'require', extra: Record<string, unknown> = {}) => ({
    id,
    name: id,
    owner: 'sales',
    kind,
    when: { all: [leaf] },
    ...extra,
  })

  it('names a duplicate rule id at its second use', () => {
    const input = document({ rules: [rule('a'), rule('b'), rule('a')] })
    expect(errorsOf(input)).toEqual([
      {
        path: 'rules[2].id',
        message: 'rule id "a" is used by another rule',
        severity: 'error',
        code: 'duplicate_id',
      },
    ])
  })

  it('names a duplicate persona id', () => {
    const persona = { id: 'cto', name: 'CTO', match: leaf }
    expect(errorsOf(document({ personas: [persona, persona] }))).toEqual([
      {
        path: 'personas[1].id',
        message: 'persona id "cto" is used by another persona',
        severity: 'error',
        code: 'duplicate_id',
      },
    ])
  })

  it('names a missing list and suggests the closest one', () => {
    const when = { fact: 'company.domain', operator: 'in', value: { list: 'competitor-domain' } }
    expect(errorsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.value.list',
        message: 'no list named "competitor-domain"; did you mean "competitor-domains"?',
        severity: 'error',
        code: 'missing_list',
      },
    ])
  })

  it('refuses a list for an operator that compares with one value', () => {
    const when = {
      fact: 'company.domain',
      operator: 'equal',
      value: { list: 'competitor-domains' },
    }
    expect(errorsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.value',
        message: '"equal" compares with one value, not a list',
        severity: 'error',
        code: 'value_shape',
      },
    ])
  })

  it('names an operator that does not fit the field type and what fits instead', () => {
    const when = { fact: 'company.industry', operator: 'greaterThan', value: 3 }
    expect(errorsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.operator',
        message: '"greaterThan" does not apply to Industry, a pick-list; use "equal" or "in"',
        severity: 'error',
        code: 'operator_type',
      },
    ])
  })

  it('suggests the title operator for contains on a text field', () => {
    const when = { fact: 'contact.title', operator: 'contains', value: 'vp' }
    expect(errorsOf(withCondition(when))[0]!.message).toBe(
      '"contains" does not apply to Job title, a text field; use "equal", "in" or "titleHasAny"',
    )
  })

  it('refuses a number written as text for a number field', () => {
    const when = { fact: 'company.employees', operator: 'equal', value: '50' }
    expect(errorsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.value',
        message: 'Employees holds numbers, so "50" can never match; write 50 without quotes',
        severity: 'error',
        code: 'value_type',
      },
    ])
  })

  it('names the list item of the wrong type', () => {
    const when = { fact: 'company.industry', operator: 'in', value: ['retail', 7] }
    expect(errorsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.value[1]',
        message: 'Industry holds pick-list values, so 7 can never match',
        severity: 'error',
        code: 'value_type',
      },
    ])
  })

  it.each([
    ['between', [10, 1], '"between" needs low ≤ high'],
    ['between', [1], '"between" needs two numbers, [low, high]'],
    ['greaterThan', 'many', '"greaterThan" needs a number'],
    ['in', [], '"in" needs a non-empty list of values'],
  ])('checks the value of %s: %j', (operator, value, message) => {
    expect(errorsOf(withCondition({ fact: 'company.employees', operator, value }))).toEqual([
      { path: 'rules[0].when.value', message, severity: 'error', code: 'value_shape' },
    ])
  })

  it('refuses acceptAt below nurtureAt', () => {
    expect(errorsOf(document({ policy: { acceptAt: 20, nurtureAt: 30 } }))).toEqual([
      {
        path: 'policy.acceptAt',
        message:
          'acceptAt (20) is below nurtureAt (30); accepting must need at least the nurture score',
        severity: 'error',
        code: 'thresholds',
      },
    ])
  })

  it('accepts acceptAt equal to nurtureAt', () => {
    expect(validateRuleset(document({ policy: { acceptAt: 30, nurtureAt: 30 } })).ok).toBe(true)
  })

  it('refuses a score rule without points', () => {
    expect(errorsOf(document({ rules: [rule('fit', 'score')] }))).toEqual([
      {
        path: 'rules[0].points',
        message: 'score rule "fit" needs points',
        severity: 'error',
        code: 'missing_points',
      },
    ])
  })
})

describe('warnings', () => {
  it('warns that x > 10 and x < 5 never matches', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'greaterThan', value: 10 },
        { fact: 'company.employees', operator: 'lessThan', value: 5 },
      ],
    }
    expect(warningsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when',
        message:
          'these conditions on "company.employees" can never all hold, so this group never matches',
        severity: 'warning',
        code: 'never_matches',
      },
    ])
  })

  it('warns that two different equals on one fact never match', () => {
    const when = {
      any: [
        leaf,
        {
          all: [
            { fact: 'company.industry', operator: 'equal', value: 'retail' },
            { fact: 'company.industry', operator: 'equal', value: 'finance' },
          ],
        },
      ],
    }
    expect(warningsOf(withCondition(when)).map((issue) => [issue.path, issue.code])).toEqual([
      ['rules[0].when.any[1]', 'never_matches'],
    ])
  })

  it('warns about x > 5 and x <= 5', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'greaterThan', value: 5 },
        { fact: 'company.employees', operator: 'lessThanInclusive', value: 5 },
      ],
    }
    expect(warningsOf(withCondition(when)).map((issue) => issue.code)).toEqual(['never_matches'])
  })

  it('warns about between 1 and 10 with more than 10', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'between', value: [1, 10] },
        { fact: 'company.employees', operator: 'greaterThan', value: 10 },
      ],
    }
    expect(warningsOf(withCondition(when)).map((issue) => issue.code)).toEqual(['never_matches'])
  })

  it('does not warn about x >= 5 and x <= 5, which 5 meets', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'greaterThanInclusive', value: 5 },
        { fact: 'company.employees', operator: 'lessThanInclusive', value: 5 },
      ],
    }
    expect(warningsOf(withCondition(when))).toEqual([])
  })

  it('does not warn about bounds on different facts', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'greaterThan', value: 10 },
        { fact: 'company.locations', operator: 'lessThan', value: 5 },
      ],
    }
    expect(warningsOf(withCondition(when))).toEqual([])
  })

  it('warns about an unknown fact and suggests the closest catalog field', () => {
    expect(warningsOf(withCondition({ ...leaf, fact: 'company.employes' }))).toEqual([
      {
        path: 'rules[0].when.fact',
        message:
          '"company.employes" is not in the field catalog; did you mean "company.employees"?',
        severity: 'warning',
        code: 'unknown_fact',
      },
    ])
  })

  it('does not warn about a custom field the ruleset declares', () => {
    const input = {
      ...withCondition({ fact: 'custom.partnerTier', operator: 'equal', value: 'gold' }),
      fields: { 'custom.partnerTier': { type: 'enum', label: 'Partner tier', values: ['gold'] } },
    }
    expect(warningsOf(input)).toEqual([])
  })

  it('warns about an unknown pick-list value and suggests the closest', () => {
    const when = { fact: 'company.industry', operator: 'in', value: ['finance', 'retial'] }
    expect(warningsOf(withCondition(when))).toEqual([
      {
        path: 'rules[0].when.value[1]',
        message: 'Industry has no value "retial"; did you mean "retail"?',
        severity: 'warning',
        code: 'unknown_value',
      },
    ])
  })

  it('warns about points on a rule that is not a score rule', () => {
    const input = document({
      rules: [
        { id: 'fit', name: 'Fit', owner: 'sales', kind: 'score', points: 60, when: leaf },
        { id: 'min', name: 'Min', owner: 'sales', kind: 'require', points: 5, when: leaf },
      ],
    })
    expect(warningsOf(input)).toEqual([
      {
        path: 'rules[1].points',
        message: 'points only count on score rules; "min" is a require rule',
        severity: 'warning',
        code: 'unused_points',
      },
    ])
  })

  it('warns that exists ignores a value', () => {
    expect(
      warningsOf(withCondition({ fact: 'contact.phone', operator: 'exists', value: 1 })),
    ).toEqual([
      {
        path: 'rules[0].when.value',
        message: '"exists" takes no value; it is ignored',
        severity: 'warning',
        code: 'unused_value',
      },
    ])
  })

  it('warns that equal null never matches, since a blank fact is unknown', () => {
    expect(
      warningsOf(withCondition({ fact: 'contact.phone', operator: 'equal', value: null })),
    ).toEqual([
      {
        path: 'rules[0].when.value',
        message:
          'null never matches: a missing value is unknown, not null; use "exists" to ask whether Phone is known',
        severity: 'warning',
        code: 'null_value',
      },
    ])
  })

  it('warns when no score rule can reach acceptAt', () => {
    const input = document({
      rules: [{ id: 'min', name: 'Min', owner: 'sales', kind: 'require', when: leaf }],
    })
    expect(warningsOf(input)).toEqual([
      {
        path: 'policy.acceptAt',
        message: 'no score rule gives points, so no lead can reach acceptAt 60',
        severity: 'warning',
        code: 'unreachable_accept',
      },
    ])
  })

  it('keeps warnings next to errors when the ruleset is invalid', () => {
    const result = validateRuleset(
      document({
        rules: [
          {
            id: 'a',
            name: 'A',
            owner: 'sales',
            kind: 'score',
            points: 60,
            when: { ...leaf, fact: 'company.employes' },
          },
          { id: 'a', name: 'A', owner: 'sales', kind: 'score', points: 60, when: leaf },
        ],
      }),
    )
    expect(
      result.ok ? [] : [result.errors.map((e) => e.code), result.warnings.map((w) => w.code)],
    ).toEqual([['duplicate_id'], ['unknown_fact']])
  })
})

describe('valid rulesets', () => {
  it('fills defaults for status, version, lists, personas and the persona threshold', () => {
    const ruleset = parseRuleset(document({ lists: undefined }))
    expect([
      ruleset.status,
      ruleset.version,
      ruleset.lists,
      ruleset.personas,
      ruleset.policy.personaMinMatch,
    ]).toEqual(['draft', 1, {}, [], 0.5])
  })

  it('the b2b-inbound example validates without warnings', () => {
    const result = validateRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))
    expect(result).toMatchObject({ ok: true, warnings: [] })
  })
})
