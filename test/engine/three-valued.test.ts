import { describe, expect, it } from 'vitest'
import { compileRuleset, type Condition, type Result } from '../../engine/index.ts'
import { buildRuleset, decide, lead, rule } from './support/build.ts'

/** A leaf whose result the test picks through the fact's value: 5 passes, 0 fails, absent is unknown. */
const leaf = (fact: string): Condition => ({ fact, operator: 'greaterThanInclusive', value: 1 })
const valueFor = { pass: 5, fail: 0, unknown: undefined } as const

function resultOf(when: Condition, results: Result[]): Result {
  const facts = ['company.employees', 'company.locations', 'engagement.visits']
  const leadFacts: Record<string, unknown> = {}
  results.forEach((result, at) => {
    if (result !== 'unknown') leadFacts[facts[at]!] = valueFor[result]
  })
  const decision = decide([rule({ kind: 'require', when })], leadFacts)
  return decision.rules[0]!.result
}

const a = leaf('company.employees')
const b = leaf('company.locations')

describe('truth table of all', () => {
  it.each([
    ['pass', 'pass', 'pass'],
    ['pass', 'fail', 'fail'],
    ['pass', 'unknown', 'unknown'],
    ['fail', 'pass', 'fail'],
    ['fail', 'fail', 'fail'],
    ['fail', 'unknown', 'fail'],
    ['unknown', 'pass', 'unknown'],
    ['unknown', 'fail', 'fail'],
    ['unknown', 'unknown', 'unknown'],
  ] as const)('%s and %s is %s', (left, right, expected) => {
    expect(resultOf({ all: [a, b] }, [left, right])).toBe(expected)
  })
})

describe('truth table of any', () => {
  it.each([
    ['pass', 'pass', 'pass'],
    ['pass', 'fail', 'pass'],
    ['pass', 'unknown', 'pass'],
    ['fail', 'pass', 'pass'],
    ['fail', 'fail', 'fail'],
    ['fail', 'unknown', 'unknown'],
    ['unknown', 'pass', 'pass'],
    ['unknown', 'fail', 'unknown'],
    ['unknown', 'unknown', 'unknown'],
  ] as const)('%s or %s is %s', (left, right, expected) => {
    expect(resultOf({ any: [a, b] }, [left, right])).toBe(expected)
  })
})

describe('truth table of not', () => {
  it.each([
    ['pass', 'fail'],
    ['fail', 'pass'],
    ['unknown', 'unknown'],
  ] as const)('not %s is %s', (inner, expected) => {
    expect(resultOf({ not: a }, [inner])).toBe(expected)
  })

  it('keeps unknown through a not around an all', () => {
    expect(resultOf({ not: { all: [a, b] } }, ['pass', 'unknown'])).toBe('unknown')
  })

  it('a single-member all is its member', () => {
    expect(resultOf({ all: [a] }, ['unknown'])).toBe('unknown')
  })
})

describe('absent facts are unknown', () => {
  const employees = { all: [a] }
  const title = {
    all: [{ fact: 'contact.title', operator: 'titleHasAny', value: ['vp'] }],
  } as const
  const installed = {
    all: [{ fact: 'technology.installed', operator: 'containsAny', value: ['slack'] }],
  } as const
  const doNotEmail = {
    all: [{ fact: 'contact.doNotEmail', operator: 'equal', value: false }],
  } as const
  const resultFor = (when: unknown, facts: Record<string, unknown>) =>
    decide([rule({ kind: 'require', when })], facts).rules[0]!.result

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['a blank string', '  \t'],
    ['NaN', Number.NaN],
    ['an empty list', []],
  ])('a number field holding %s', (_, value) => {
    expect(resultFor(employees, { 'company.employees': value })).toBe('unknown')
  })

  it('a group that is not an object', () => {
    expect(resultFor(employees, { company: 'Northwind' })).toBe('unknown')
  })

  it("an inherited property, not the lead's own", () => {
    const company = Object.create({ employees: 500 }) as Record<string, unknown>
    expect(resultFor(employees, { company })).toBe('unknown')
  })

  it('a value hidden behind a parsed "__proto__" key', () => {
    const company = JSON.parse('{"__proto__": {"employees": 500}}') as Record<string, unknown>
    expect(resultFor(employees, { company })).toBe('unknown')
  })

  it('a number field holding a numeric string', () => {
    expect(resultFor(employees, { 'company.employees': '50' })).toBe('unknown')
  })

  it('a number field holding Infinity', () => {
    expect(resultFor(employees, { 'company.employees': Number.POSITIVE_INFINITY })).toBe('unknown')
  })

  it('a text field holding a number', () => {
    expect(resultFor(title, { 'contact.title': 42 })).toBe('unknown')
  })

  it('a text field holding a list', () => {
    expect(resultFor(title, { 'contact.title': ['VP Sales'] })).toBe('unknown')
  })

  it('a list field holding a single string', () => {
    expect(resultFor(installed, { 'technology.installed': 'slack' })).toBe('unknown')
  })

  it('a yes/no field holding the text "false"', () => {
    expect(resultFor(doNotEmail, { 'contact.doNotEmail': 'false' })).toBe('unknown')
  })

  it('a yes/no field holding false is known', () => {
    expect(resultFor(doNotEmail, { 'contact.doNotEmail': false })).toBe('pass')
  })

  it('a number field holding 0 is known', () => {
    expect(resultFor(employees, { 'company.employees': 0 })).toBe('fail')
  })

  it('a fact outside the catalog is not type-checked: "50" compares as json-rules-engine does', () => {
    const when = { all: [{ fact: 'custom.seats', operator: 'greaterThan', value: 10 }] } as const
    expect(resultFor(when, { 'custom.seats': '50' })).toBe('pass')
  })

  it('a custom field declared by the ruleset is type-checked', () => {
    const when = { all: [{ fact: 'custom.seats', operator: 'greaterThan', value: 10 }] } as const
    const decision = decide(
      [rule({ kind: 'require', when })],
      { 'custom.seats': '50' },
      {
        fields: { 'custom.seats': { type: 'number', label: 'Seats' } },
      },
    )
    expect(decision.rules[0]!.result).toBe('unknown')
  })
})

describe('exists is never unknown', () => {
  const phone = { fact: 'contact.phone', operator: 'exists' } as const

  it('fails on an absent fact', () => {
    expect(resultOf({ all: [phone] }, [])).toBe('fail')
  })

  it('fails on a blank string', () => {
    const decision = decide([rule({ kind: 'require', when: { all: [phone] } })], {
      'contact.phone': ' ',
    })
    expect(decision.rules[0]!.result).toBe('fail')
  })

  it('passes under a not when the fact is absent', () => {
    expect(resultOf({ not: phone }, [])).toBe('pass')
  })

  it('passes on a present value', () => {
    const decision = decide([rule({ kind: 'require', when: { all: [phone] } })], {
      'contact.phone': '555-0100',
    })
    expect(decision.rules[0]!.result).toBe('pass')
  })

  it('fails on a value of the wrong type, which is unusable', () => {
    const decision = decide([rule({ kind: 'require', when: { all: [phone] } })], {
      'contact.phone': 5550100,
    })
    expect(decision.rules[0]!.result).toBe('fail')
  })

  it('rejects rather than nurtures a lead a require rule needs the fact of', () => {
    expect(decide([rule({ kind: 'require', when: { all: [phone] } })], {}).outcome).toBe('rejected')
  })
})

describe('onMissing', () => {
  const unknownWhen = { all: [a] }
  const effectOf = (kind: 'require' | 'disqualify' | 'score', onMissing?: string) => {
    const decision = decide(
      [rule({ kind, when: unknownWhen, ...(onMissing ? { onMissing } : {}) } as never)],
      {},
    )
    return { ...decision.rules[0]!, outcome: decision.outcome, score: decision.score }
  }

  it('defaults to nurture for a require rule', () => {
    expect(effectOf('require')).toMatchObject({
      result: 'unknown',
      effect: 'nurture',
      outcome: 'nurture',
    })
  })

  it('defaults to pass for a disqualify rule', () => {
    expect(effectOf('disqualify')).toMatchObject({ result: 'unknown', effect: 'none' })
  })

  it('defaults to no points for a score rule', () => {
    expect(effectOf('score')).toMatchObject({
      result: 'unknown',
      effect: 'none',
      points: 0,
      score: 0,
    })
  })

  it.each([
    ['require', 'reject', 'rejected', 'rejected'],
    ['require', 'pass', 'none', 'rejected'],
    ['require', 'nurture', 'nurture', 'nurture'],
    ['disqualify', 'reject', 'rejected', 'rejected'],
    ['disqualify', 'nurture', 'nurture', 'nurture'],
    ['disqualify', 'pass', 'none', 'rejected'],
    ['score', 'reject', 'rejected', 'rejected'],
    ['score', 'nurture', 'nurture', 'nurture'],
    ['score', 'pass', 'none', 'rejected'],
  ] as const)(
    '%s with onMissing %s has effect %s (outcome %s)',
    (kind, onMissing, effect, outcome) => {
      expect(effectOf(kind, onMissing)).toMatchObject({ effect, outcome })
    },
  )

  it('does not apply to a rule whose result is known', () => {
    const decision = decide([rule({ kind: 'require', when: { all: [a] }, onMissing: 'reject' })], {
      'company.employees': 5,
    })
    expect(decision.rules[0]).toMatchObject({ result: 'pass', effect: 'none' })
  })
})

describe('outcome precedence', () => {
  const points = (value: number, id = 'fit') =>
    rule({
      id,
      kind: 'score',
      points: value,
      when: { all: [{ fact: 'company.name', operator: 'exists' }] },
    })
  const nurtureOnMissing = rule({
    id: 'budget',
    kind: 'require',
    when: { all: [leaf('bant.budget')] },
  })
  const competitor = rule({
    id: 'competitor',
    kind: 'disqualify',
    when: { all: [{ fact: 'company.domain', operator: 'equal', value: 'collabrix.com' }] },
  })
  const name = { 'company.name': 'Northwind' }

  it('a matched disqualifier rejects a lead with a top score and missing data', () => {
    const decision = decide([points(100), nurtureOnMissing, competitor], {
      ...name,
      'company.domain': 'collabrix.com',
    })
    expect([decision.outcome, decision.score]).toEqual(['rejected', 100])
  })

  it('a failed require rejects a lead with a top score', () => {
    const decision = decide([points(100), nurtureOnMissing], { ...name, 'bant.budget': 0 })
    expect(decision.outcome).toBe('rejected')
  })

  it('an unknown with onMissing reject beats an unknown with onMissing nurture', () => {
    const reject = rule({
      id: 'region',
      kind: 'require',
      when: { all: [leaf('engagement.visits')] },
      onMissing: 'reject',
    })
    expect(decide([points(100), nurtureOnMissing, reject], name).outcome).toBe('rejected')
  })

  it('missing data sends a lead with a top score to nurture', () => {
    expect(decide([points(100), nurtureOnMissing], name).outcome).toBe('nurture')
  })

  it('missing data sends a lead below nurtureAt to nurture, not rejection', () => {
    expect(decide([points(0), nurtureOnMissing], name).outcome).toBe('nurture')
  })

  it.each([
    [60, 'accepted'],
    [59, 'nurture'],
    [30, 'nurture'],
    [29, 'rejected'],
  ] as const)('a score of %i is %s with acceptAt 60 and nurtureAt 30', (score, outcome) => {
    expect(decide([points(score)], name).outcome).toBe(outcome)
  })

  it('sums the points of every matched score rule, negative ones included', () => {
    const decision = decide([points(50), points(25, 'extra'), points(-10, 'penalty')], name)
    expect([decision.score, decision.outcome]).toEqual([65, 'accepted'])
  })

  it('accepts a lead with no rules when acceptAt is 0', () => {
    expect(decide([], {}, { policy: { acceptAt: 0, nurtureAt: 0 } }).outcome).toBe('accepted')
  })
})

describe('disabled rules', () => {
  const competitor = rule({
    id: 'competitor',
    kind: 'disqualify',
    enabled: false,
    when: { all: [{ fact: 'company.domain', operator: 'equal', value: 'collabrix.com' }] },
  })
  const fit = rule({ id: 'fit', kind: 'score', points: 60, when: { all: [a] } })
  const decision = decide([competitor, fit], {
    'company.domain': 'collabrix.com',
    'company.employees': 5,
  })

  it('do not change the outcome', () => {
    expect(decision.outcome).toBe('accepted')
  })

  it('are left out of the rule results', () => {
    expect(decision.rules.map((result) => result.ruleId)).toEqual(['fit'])
  })

  it('are left out of the trace', () => {
    expect(decision.trace.map((entry) => entry.ruleId)).toEqual(['fit', 'fit'])
  })

  it('count when enabled is true', () => {
    const enabled = decide([{ ...competitor, enabled: true }, fit], {
      'company.domain': 'collabrix.com',
      'company.employees': 5,
    })
    expect(enabled.outcome).toBe('rejected')
  })
})

describe('trace', () => {
  const when: Condition = {
    all: [
      { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 },
      {
        not: {
          any: [
            { fact: 'contact.emailDomain', operator: 'in', value: { list: 'free-mail-domains' } },
            { fact: 'bant.budget', operator: 'lessThan', value: 10_000 },
          ],
        },
      },
    ],
  }
  const compiled = compileRuleset(
    buildRuleset({
      rules: [rule({ id: 'fit', kind: 'require', when })],
      personas: [
        {
          id: 'exec',
          name: 'Executive',
          match: { any: [{ fact: 'contact.seniority', operator: 'equal', value: 'c-level' }] },
        },
      ],
    }),
  )
  const subject = lead({
    'company.employees': 12,
    'contact.email': 'sam@gmail.com',
    'contact.title': 'CEO',
  })

  it('full: every condition of rules and personas, in ruleset order, with paths', () => {
    expect(compiled.evaluate(subject, { trace: 'full' }).trace).toEqual([
      { ruleId: 'fit', path: 'when', gate: 'all', result: 'fail' },
      {
        ruleId: 'fit',
        path: 'when.all.0',
        fact: 'company.employees',
        operator: 'greaterThanInclusive',
        expected: 50,
        actual: 12,
        result: 'fail',
      },
      { ruleId: 'fit', path: 'when.all.1', gate: 'not', result: 'fail' },
      { ruleId: 'fit', path: 'when.all.1.not', gate: 'any', result: 'pass' },
      {
        ruleId: 'fit',
        path: 'when.all.1.not.any.0',
        fact: 'contact.emailDomain',
        operator: 'in',
        expected: { list: 'free-mail-domains' },
        actual: 'gmail.com',
        result: 'pass',
      },
      {
        ruleId: 'fit',
        path: 'when.all.1.not.any.1',
        fact: 'bant.budget',
        operator: 'lessThan',
        expected: 10_000,
        result: 'unknown',
      },
      { personaId: 'exec', path: 'match', gate: 'any', result: 'pass' },
      {
        personaId: 'exec',
        path: 'match.any.0',
        fact: 'contact.seniority',
        operator: 'equal',
        expected: 'c-level',
        actual: 'c-level',
        result: 'pass',
      },
    ])
  })

  it('failing: every condition of a rule that rejected the lead, passing ones too', () => {
    const trace = compiled.evaluate(subject, { trace: 'failing' }).trace
    expect(trace.map((entry) => [entry.path, entry.result])).toEqual([
      ['when', 'fail'],
      ['when.all.0', 'fail'],
      ['when.all.1', 'fail'],
      ['when.all.1.not', 'pass'],
      ['when.all.1.not.any.0', 'pass'],
      ['when.all.1.not.any.1', 'unknown'],
    ])
  })

  it('failing: elsewhere only conditions that failed or are unknown', () => {
    const passed = compiled.evaluate(
      lead({ 'company.employees': 80, 'contact.email': 'ceo@acme.com', 'bant.budget': 20_000 }),
      { trace: 'failing' },
    )
    expect(
      passed.trace.map((entry) => [entry.ruleId ?? entry.personaId, entry.path, entry.result]),
    ).toEqual([
      ['fit', 'when.all.1.not', 'fail'],
      ['fit', 'when.all.1.not.any.0', 'fail'],
      ['fit', 'when.all.1.not.any.1', 'fail'],
      ['exec', 'match', 'unknown'],
      ['exec', 'match.any.0', 'unknown'],
    ])
  })

  it('none: no trace at all', () => {
    expect(compiled.evaluate(subject, { trace: 'none' }).trace).toEqual([])
  })

  it('defaults to full', () => {
    expect(compiled.evaluate(subject).trace).toHaveLength(8)
  })

  it('keeps a value of the wrong type as the actual of an unknown condition', () => {
    const entry = compiled
      .evaluate(lead({ 'company.employees': '12' }))
      .trace.find((item) => item.path === 'when.all.0')
    expect(entry).toEqual({
      ruleId: 'fit',
      path: 'when.all.0',
      fact: 'company.employees',
      operator: 'greaterThanInclusive',
      expected: 50,
      actual: '12',
      result: 'unknown',
    })
  })

  it('evaluates the members after a failed one in an all (no short-circuit)', () => {
    const trace = decide(
      [rule({ kind: 'require', when: { all: [a, b, leaf('engagement.visits')] } })],
      { 'company.employees': 0, 'company.locations': 9, 'engagement.visits': 0 },
    ).trace
    expect(trace.map((entry) => [entry.path, entry.actual, entry.result])).toEqual([
      ['when', undefined, 'fail'],
      ['when.all.0', 0, 'fail'],
      ['when.all.1', 9, 'pass'],
      ['when.all.2', 0, 'fail'],
    ])
  })

  it('evaluates the members after a passed one in an any (no short-circuit)', () => {
    const trace = decide([rule({ kind: 'score', when: { any: [a, b] } })], {
      'company.employees': 5,
      'company.locations': 0,
    }).trace
    expect(trace.map((entry) => [entry.path, entry.result])).toEqual([
      ['when', 'pass'],
      ['when.any.0', 'pass'],
      ['when.any.1', 'fail'],
    ])
  })

  it('evaluates every rule after a disqualifier matched', () => {
    const decision = decide(
      [
        rule({ id: 'first', kind: 'disqualify', when: { all: [a] } }),
        rule({ id: 'second', kind: 'score', when: { all: [b] } }),
      ],
      { 'company.employees': 5, 'company.locations': 5 },
    )
    expect(decision.rules.map((result) => [result.ruleId, result.result])).toEqual([
      ['first', 'pass'],
      ['second', 'pass'],
    ])
  })
})

describe('the evaluation itself', () => {
  const compiled = compileRuleset(
    buildRuleset({
      rules: [
        rule({ id: 'fit', kind: 'score', points: 70, when: { all: [a] } }),
        rule({ id: 'budget', kind: 'require', when: { all: [leaf('bant.budget')] } }),
      ],
    }),
  )

  it('run gives the same outcome and score as evaluate', () => {
    const subject = lead({ 'company.employees': 5 })
    const run = compiled.run(subject)
    const decision = compiled.evaluate(subject)
    expect([run.outcome, run.score]).toEqual([decision.outcome, decision.score])
  })

  it('explain of a run is the decision evaluate gives', () => {
    const subject = lead({ 'company.employees': 5, 'bant.budget': 5 })
    const now = new Date('2025-01-02T03:04:05.000Z')
    expect(compiled.explain(compiled.run(subject), { now })).toEqual(
      compiled.evaluate(subject, { now }),
    )
  })

  it('stamps evaluatedAt from the given clock', () => {
    expect(compiled.evaluate({}, { now: new Date('2025-01-02T03:04:05.000Z') }).evaluatedAt).toBe(
      '2025-01-02T03:04:05.000Z',
    )
  })

  it('echoes the lead id, string or number, and null when there is none', () => {
    expect([
      compiled.evaluate({ id: '00Q5e00000AbCdE' }).leadId,
      compiled.evaluate({ id: 660737 }).leadId,
      compiled.evaluate({}).leadId,
    ]).toEqual(['00Q5e00000AbCdE', 660737, null])
  })

  it('names the ruleset id and version', () => {
    expect(compiled.evaluate({}).ruleset).toEqual({ id: 'test', version: 1 })
  })

  it('leaves a frozen lead untouched', () => {
    const subject = Object.freeze({
      company: Object.freeze({ employees: 5 }),
      contact: Object.freeze({ title: 'VP Sales' }),
    })
    expect(compiled.evaluate(subject).outcome).toBe('nurture')
  })
})
