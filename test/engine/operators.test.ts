import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Engine } from 'json-rules-engine'
import { describe, expect, it } from 'vitest'
import {
  hasPhrase,
  jreOperatorNames,
  operatorNames,
  operators,
  phraseMatcher,
  prepareTest,
  wordsOf,
  type OperatorName,
} from '../../engine/index.ts'

/** Both ways the engine tests a value: the operator table and the compiled test. */
function check(operator: OperatorName, actual: unknown, expected: unknown): boolean {
  const viaSpec = operators.get(operator)!.test(actual, expected)
  const compiled = prepareTest(operator, expected)(actual)
  if (viaSpec !== compiled) throw new Error(`${operator}: spec and compiled test disagree`)
  return compiled
}

describe('json-rules-engine operators, as its condition tests specify them', () => {
  it('equal is strict equality', () => {
    expect([check('equal', 50, 50), check('equal', 5, 50), check('equal', '50', 50)]).toEqual([
      true,
      false,
      false,
    ])
  })

  it('notEqual is strict inequality', () => {
    expect([
      check('notEqual', 50, 50),
      check('notEqual', 5, 50),
      check('notEqual', '50', 50),
    ]).toEqual([false, true, true])
  })

  it('in finds the fact in the list', () => {
    expect([check('in', 15, [5, 10, 15, 20]), check('in', 99, [5, 10, 15, 20])]).toEqual([
      true,
      false,
    ])
  })

  it('in compares strictly: "15" is not in [15]', () => {
    expect(check('in', '15', [5, 10, 15, 20])).toBe(false)
  })

  it('notIn is the opposite of in', () => {
    expect([check('notIn', 15, [5, 10, 15, 20]), check('notIn', 99, [5, 10, 15, 20])]).toEqual([
      false,
      true,
    ])
  })

  it('in and notIn keep strict equality on long lists too', () => {
    const long = Array.from({ length: 20 }, (_, at) => at)
    expect([check('in', 19, long), check('in', '19', long), check('notIn', '19', long)]).toEqual([
      true,
      false,
      true,
    ])
  })

  it('contains finds the value in a list fact', () => {
    expect([check('contains', [5, 10, 15], 10), check('contains', [1, 2, 3], 10)]).toEqual([
      true,
      false,
    ])
  })

  it('doesNotContain is the opposite of contains', () => {
    expect([
      check('doesNotContain', [5, 10, 15], 10),
      check('doesNotContain', [1, 2, 3], 10),
    ]).toEqual([false, true])
  })

  it('contains and doesNotContain are false on a fact that is not a list', () => {
    expect([
      check('contains', null, 10),
      check('doesNotContain', null, 10),
      check('contains', 'abc10', 10),
      check('doesNotContain', 'abc', 10),
    ]).toEqual([false, false, false, false])
  })

  it.each([
    ['lessThan', [true, false, false]],
    ['lessThanInclusive', [true, true, false]],
    ['greaterThan', [false, false, true]],
    ['greaterThanInclusive', [false, true, true]],
  ] as const)('%s compares 49, 50 and 51 with 50', (operator, expected) => {
    expect([49, 50, 51].map((actual) => check(operator, actual, 50))).toEqual(expected)
  })

  it.each(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const)(
    '%s is false for null, text, lists and objects',
    (operator) => {
      expect(
        [null, 'non-number', [], {}, true].map((actual) => check(operator, actual, 50)),
      ).toEqual([false, false, false, false, false])
    },
  )

  it('comparisons accept a numeric string, as json-rules-engine does', () => {
    expect([check('lessThan', '49', 50), check('greaterThan', '49', 50)]).toEqual([true, false])
  })
})

describe('json-rules-engine operators agree with json-rules-engine itself', () => {
  const actuals: unknown[] = [
    49,
    50,
    51,
    0,
    -1.5,
    '49',
    '50',
    'abc',
    '',
    ' 50 ',
    '50abc',
    null,
    true,
    false,
    [],
    [50],
    [5, 10, 15],
    ['a', 'b'],
    { a: 1 },
  ]
  const expectations: Record<(typeof jreOperatorNames)[number], unknown[]> = {
    equal: [50, '50', true, null, 'abc'],
    notEqual: [50, '50', true, null, 'abc'],
    lessThan: [50, 0, -1.5],
    lessThanInclusive: [50, 0, -1.5],
    greaterThan: [50, 0, -1.5],
    greaterThanInclusive: [50, 0, -1.5],
    in: [
      [5, 10, 15, 20, 50],
      ['a', 'b', '50'],
      [null, true],
      Array.from({ length: 12 }, (_, at) => at * 10),
    ],
    notIn: [
      [5, 10, 15, 20, 50],
      ['a', 'b', '50'],
      [null, true],
      Array.from({ length: 12 }, (_, at) => at * 10),
    ],
    contains: [10, 'a', 50, null],
    doesNotContain: [10, 'a', 50, null],
  }

  async function jre(operator: string, expected: unknown, actual: unknown): Promise<boolean> {
    const engine = new Engine([], { allowUndefinedFacts: true })
    engine.addRule({
      conditions: { all: [{ fact: 'x', operator, value: expected }] },
      event: { type: 'hit' },
    })
    const { events } = await engine.run({ x: actual })
    return events.length === 1
  }

  it.each(jreOperatorNames)('%s', async (operator) => {
    const mismatches: string[] = []
    for (const expected of expectations[operator]) {
      for (const actual of actuals) {
        const theirs = await jre(operator, expected, actual)
        if (check(operator, actual, expected) !== theirs) {
          mismatches.push(`${JSON.stringify(actual)} ${operator} ${JSON.stringify(expected)}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe('lead operators', () => {
  it('exists holds for any present value (absent values never reach an operator)', () => {
    expect([check('exists', 0, undefined), check('exists', false, undefined)]).toEqual([true, true])
  })

  it('between includes both bounds', () => {
    expect([199, 200, 5000, 5001].map((actual) => check('between', actual, [200, 5000]))).toEqual([
      false,
      true,
      true,
      false,
    ])
  })

  it('between is false for a numeric string', () => {
    expect(check('between', '300', [200, 5000])).toBe(false)
  })

  it('startsWith ignores case', () => {
    expect([
      check('startsWith', 'INFO@acme.com', 'info@'),
      check('startsWith', 'me@info.com', 'info'),
    ]).toEqual([true, false])
  })

  it('endsWith ignores case', () => {
    expect([
      check('endsWith', 'pat@census.GOV', '.gov'),
      check('endsWith', 'gov@acme.com', 'gov'),
    ]).toEqual([true, false])
  })

  it('startsWith and endsWith with a list match any of its entries', () => {
    expect([
      check('endsWith', 'pat@army.mil', ['.gov', '.mil']),
      check('endsWith', 'pat@army.com', ['.gov', '.mil']),
      check('startsWith', 'sales@acme.com', ['info@', 'sales@']),
    ]).toEqual([true, false, true])
  })

  it('startsWith and endsWith are false on a value that is not text', () => {
    expect([check('startsWith', 12345, '12'), check('endsWith', ['a.gov'], '.gov')]).toEqual([
      false,
      false,
    ])
  })

  it('containsAny finds any listed value, ignoring case', () => {
    expect([
      check('containsAny', ['SAP', 'HubSpot'], ['salesforce', 'hubspot']),
      check('containsAny', ['sap'], ['salesforce', 'hubspot']),
    ]).toEqual([true, false])
  })

  it('containsAny is false on a fact that is not a list', () => {
    expect(check('containsAny', 'hubspot', ['hubspot'])).toBe(false)
  })

  it('titleHasAny is false on a value that is not text', () => {
    expect(check('titleHasAny', ['VP Sales'], ['vp'])).toBe(false)
  })
})

describe('titleHasAny matches whole words and phrases', () => {
  it.each([
    ['VP, Sales', ['vp'], true],
    ['Sr. VP of Marketing', ['vp'], true],
    ['vp', ['VP'], true],
    ['MVP Developer', ['vp'], false],
    ['VPN Administrator', ['vp'], false],
    ['Head of IT', ['head of'], true],
    ['HEAD OF-IT', ['head of'], true],
    ['Head Chef', ['head of'], false],
    ['Heads of State', ['head of'], false],
    ['Of Head Office', ['head of'], false],
    ['Vice-President, Operations', ['vice president'], true],
    ['President', ['vice president'], false],
    ['Director / Head of Growth', ['vp', 'director'], true],
    ['Directeur Général', ['directeur général'], true],
    ['Geschäftsführer', ['geschäftsführer'], true],
    ['Chief Executive Officer', ['chief officer'], false],
    ['Sales Manager', ['', ' - '], false],
  ] as const)('%s with %j is %s', (title, phrases, expected) => {
    expect(check('titleHasAny', title, phrases)).toBe(expected)
  })
})

describe('no user regular expressions, linear matching', () => {
  it('no engine file builds a regular expression at run time', () => {
    const folder = 'engine'
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.ts'),
    )
    const offenders = files.filter((name) =>
      /\bRegExp\s*\(/.test(readFileSync(join(folder, name), 'utf8')),
    )
    expect(offenders).toEqual([])
  })

  it('splits a title into words on anything but letters and digits', () => {
    expect(wordsOf('Sr. VP—Sales & Marketing (EMEA), 2nd-line')).toEqual([
      'sr',
      'vp',
      'sales',
      'marketing',
      'emea',
      '2nd',
      'line',
    ])
  })

  it('finds a phrase whose start repeats inside it (a a b in a a a b)', () => {
    expect(hasPhrase(['a', 'a', 'a', 'b'], ['a', 'a', 'b'])).toBe(true)
  })

  it('finds a phrase after a partial match that falls back (a b a b c)', () => {
    expect(hasPhrase(['a', 'b', 'a', 'b', 'a', 'b', 'c'], ['a', 'b', 'a', 'b', 'c'])).toBe(true)
  })

  it('does not find a phrase that only overlaps (a b a)', () => {
    expect(hasPhrase(['a', 'b', 'b', 'a'], ['a', 'b', 'a'])).toBe(false)
  })

  it('finds and rejects a 2,000-word phrase in a 100,000-word title', () => {
    const title = Array.from({ length: 100_000 }, () => 'a')
    const phrase = [...Array.from({ length: 1999 }, () => 'a'), 'b']
    expect([
      phraseMatcher(phrase).matches(title),
      phraseMatcher(phrase).matches([...title, 'b']),
    ]).toEqual([false, true])
  })

  it('an empty phrase matches nothing', () => {
    expect(phraseMatcher(' , ').matches(['a'])).toBe(false)
  })
})

describe('the operator table', () => {
  it('has every json-rules-engine operator marked jre, and the lead operators not', () => {
    expect(operatorNames.filter((name) => operators.get(name)!.jre)).toEqual([...jreOperatorNames])
  })

  it('gives every operator a label for the editor', () => {
    expect(
      Object.fromEntries(operatorNames.map((name) => [name, operators.get(name)!.label])),
    ).toEqual({
      equal: 'is',
      notEqual: 'is not',
      lessThan: 'is less than',
      lessThanInclusive: 'is at most',
      greaterThan: 'is more than',
      greaterThanInclusive: 'is at least',
      in: 'is one of',
      notIn: 'is none of',
      contains: 'includes',
      doesNotContain: 'does not include',
      exists: 'is known',
      between: 'is between',
      startsWith: 'starts with',
      endsWith: 'ends with',
      containsAny: 'includes any of',
      titleHasAny: 'mentions any of',
    })
  })
})
