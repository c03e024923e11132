import { describe, expect, it } from 'vitest'
import type { LeafCondition } from '../../engine/index.ts'
import { decide, reasonOf, rule } from './support/build.ts'

const note = '(sales: agreed in the Q3 review)'

interface OperatorCase {
  name: string
  condition: LeafCondition
  /** Facts that make the condition fail, and the sentence a require rule then gives. */
  failing: Record<string, unknown>
  failText: string
  /** Facts that make it hold, and how the match reads in a disqualifier or score reason. */
  matching: Record<string, unknown>
  matchText: string
}

const cases: OperatorCase[] = [
  {
    name: 'equal on a number',
    condition: { fact: 'company.locations', operator: 'equal', value: 1 },
    failing: { 'company.locations': 4 },
    failText: 'Company has 4 locations; exactly 1 required',
    matching: { 'company.locations': 1 },
    matchText: 'Company has 1 location',
  },
  {
    name: 'equal on a pick-list',
    condition: { fact: 'company.industry', operator: 'equal', value: 'retail' },
    failing: { 'company.industry': 'finance' },
    failText: 'Industry is Finance and insurance; Retail trade required',
    matching: { 'company.industry': 'retail' },
    matchText: 'Industry is Retail trade',
  },
  {
    name: 'equal on yes/no',
    condition: { fact: 'contact.doNotEmail', operator: 'equal', value: true },
    failing: { 'contact.doNotEmail': false },
    failText: 'Do not email is no; it must be yes',
    matching: { 'contact.doNotEmail': true },
    matchText: 'Do not email is yes',
  },
  {
    name: 'notEqual',
    condition: { fact: 'company.industry', operator: 'notEqual', value: 'retail' },
    failing: { 'company.industry': 'retail' },
    failText: 'Industry is Retail trade; Retail trade not allowed',
    matching: { 'company.industry': 'finance' },
    matchText: 'Industry is Finance and insurance, not Retail trade',
  },
  {
    name: 'lessThan',
    condition: { fact: 'bant.timelineMonths', operator: 'lessThan', value: 6 },
    failing: { 'bant.timelineMonths': 12 },
    failText: 'Purchase timeline is 12 months; less than 6 months required',
    matching: { 'bant.timelineMonths': 1 },
    matchText: 'Purchase timeline is 1 month, less than 6 months',
  },
  {
    name: 'lessThanInclusive',
    condition: { fact: 'company.employees', operator: 'lessThanInclusive', value: 10 },
    failing: { 'company.employees': 1200 },
    failText: 'Company has 1,200 employees; at most 10 required',
    matching: { 'company.employees': 10 },
    matchText: 'Company has 10 employees, at most 10',
  },
  {
    name: 'greaterThan',
    condition: { fact: 'engagement.visits', operator: 'greaterThan', value: 3 },
    failing: { 'engagement.visits': 1 },
    failText: 'Lead visited the website 1 time; more than 3 required',
    matching: { 'engagement.visits': 7 },
    matchText: 'Lead visited the website 7 times, more than 3',
  },
  {
    name: 'greaterThanInclusive',
    condition: { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 },
    failing: { 'company.employees': 12 },
    failText: 'Company has 12 employees; at least 50 required',
    matching: { 'company.employees': 50 },
    matchText: 'Company has 50 employees, at least 50',
  },
  {
    name: 'greaterThanInclusive on money',
    condition: { fact: 'company.revenue', operator: 'greaterThanInclusive', value: 10_000_000 },
    failing: { 'company.revenue': 2_500_000 },
    failText: 'Annual revenue is $2.5M; at least $10M required',
    matching: { 'company.revenue': 1_250_000_000 },
    matchText: 'Annual revenue is $1.25B, at least $10M',
  },
  {
    name: 'in',
    condition: {
      fact: 'company.industry',
      operator: 'in',
      value: ['manufacturing', 'finance', 'healthcare'],
    },
    failing: { 'company.industry': 'retail' },
    failText:
      'Industry is Retail trade; one of Manufacturing, Finance and insurance or Health care and social assistance required',
    matching: { 'company.industry': 'finance' },
    matchText: 'Industry is Finance and insurance',
  },
  {
    name: 'in with a single value',
    condition: { fact: 'bant.need', operator: 'in', value: ['confirmed'] },
    failing: { 'bant.need': 'unclear' },
    failText: 'Need is Unclear; Confirmed required',
    matching: { 'bant.need': 'confirmed' },
    matchText: 'Need is Confirmed',
  },
  {
    name: 'notIn',
    condition: { fact: 'company.region', operator: 'notIn', value: ['APAC', 'LATAM'] },
    failing: { 'company.country': 'JP' },
    failText: 'Region is Asia Pacific; Asia Pacific or Latin America not allowed',
    matching: { 'company.country': 'DE' },
    matchText: 'Region is EMEA, not Asia Pacific or Latin America',
  },
  {
    name: 'contains',
    condition: { fact: 'technology.installed', operator: 'contains', value: 'salesforce' },
    failing: { 'technology.installed': ['hubspot', 'slack'] },
    failText: 'Installed technology is hubspot and slack; salesforce required',
    matching: { 'technology.installed': ['slack', 'salesforce', 'sap'] },
    matchText: 'Installed technology includes salesforce',
  },
  {
    name: 'doesNotContain',
    condition: { fact: 'technology.installed', operator: 'doesNotContain', value: 'collabrix' },
    failing: { 'technology.installed': ['collabrix', 'slack'] },
    failText: 'Installed technology is collabrix and slack; collabrix not allowed',
    matching: { 'technology.installed': ['slack'] },
    matchText: 'Installed technology is slack, without collabrix',
  },
  {
    name: 'exists',
    condition: { fact: 'contact.phone', operator: 'exists' },
    failing: { 'contact.email': 'dana@northwind-mfg.com' },
    failText: 'Phone is missing; it is required',
    matching: { 'contact.phone': '(850) 644-4200' },
    matchText: 'Phone is (850) 644-4200',
  },
  {
    name: 'between',
    condition: { fact: 'company.employees', operator: 'between', value: [200, 5000] },
    failing: { 'company.employees': 12 },
    failText: 'Company has 12 employees; between 200 and 5,000 required',
    matching: { 'company.employees': 200 },
    matchText: 'Company has 200 employees, between 200 and 5,000',
  },
  {
    name: 'startsWith',
    condition: { fact: 'contact.email', operator: 'startsWith', value: 'info@' },
    failing: { 'contact.email': 'dana@northwind-mfg.com' },
    failText: 'Email is dana@northwind-mfg.com; it must start with "info@"',
    matching: { 'contact.email': 'INFO@northwind-mfg.com' },
    matchText: 'Email is INFO@northwind-mfg.com, starting with "info@"',
  },
  {
    name: 'endsWith',
    condition: { fact: 'contact.email', operator: 'endsWith', value: '.gov' },
    failing: { 'contact.email': 'dana@northwind-mfg.com' },
    failText: 'Email is dana@northwind-mfg.com; it must end with ".gov"',
    matching: { 'contact.email': 'pat@census.GOV' },
    matchText: 'Email is pat@census.GOV, ending with ".gov"',
  },
  {
    name: 'containsAny',
    condition: {
      fact: 'technology.installed',
      operator: 'containsAny',
      value: ['salesforce', 'hubspot'],
    },
    failing: { 'technology.installed': ['slack'] },
    failText: 'Installed technology is slack; salesforce or hubspot required',
    matching: { 'technology.installed': ['Slack', 'HubSpot', 'Salesforce'] },
    matchText: 'Installed technology includes HubSpot and Salesforce',
  },
  {
    name: 'titleHasAny',
    condition: {
      fact: 'contact.title',
      operator: 'titleHasAny',
      value: ['vp', 'vice president', 'head of'],
    },
    failing: { 'contact.title': 'Marketing Intern' },
    failText:
      'Job title is "Marketing Intern"; it must mention "vp", "vice president" or "head of"',
    matching: { 'contact.title': 'Head of IT' },
    matchText: 'Job title "Head of IT" mentions "head of"',
  },
]

describe.each(cases)('$name', ({ condition, failing, failText, matching, matchText }) => {
  it('explains a failed require rule', () => {
    expect(reasonOf({ kind: 'require', when: { all: [condition] } }, failing)).toBe(
      `${failText} ${note}`,
    )
  })

  it('explains a matched disqualifier', () => {
    expect(reasonOf({ kind: 'disqualify', when: { all: [condition] } }, matching)).toBe(
      `Disqualified: ${matchText} ${note}`,
    )
  })

  it('explains earned points', () => {
    expect(reasonOf({ kind: 'score', points: 15, when: { all: [condition] } }, matching)).toBe(
      `+15 points: ${matchText} ${note}`,
    )
  })
})

describe('list references', () => {
  it('names the list an "in" condition failed to find the value on', () => {
    const when = {
      all: [{ fact: 'contact.emailDomain', operator: 'in', value: { list: 'competitor-domains' } }],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.email': 'dana@northwind-mfg.com' })).toBe(
      `Email domain is northwind-mfg.com; a value on the list "competitor-domains" required ${note}`,
    )
  })

  it('names the list a disqualified value is on', () => {
    const when = {
      any: [
        { fact: 'contact.emailDomain', operator: 'in', value: { list: 'competitor-domains' } },
        { fact: 'company.domain', operator: 'in', value: { list: 'competitor-domains' } },
      ],
    } as const
    expect(reasonOf({ kind: 'disqualify', when }, { 'contact.email': 'alex@Collabrix.com' })).toBe(
      `Disqualified: Email domain is collabrix.com, on the list "competitor-domains" ${note}`,
    )
  })

  it('says values on a notIn list are not allowed', () => {
    const when = {
      all: [
        { fact: 'contact.emailDomain', operator: 'notIn', value: { list: 'free-mail-domains' } },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.email': 'sam@gmail.com' })).toBe(
      `Email domain is gmail.com; values on the list "free-mail-domains" not allowed ${note}`,
    )
  })

  it('reads a matched notIn list as "not on the list"', () => {
    const when = {
      all: [
        { fact: 'contact.emailDomain', operator: 'notIn', value: { list: 'free-mail-domains' } },
      ],
    } as const
    expect(reasonOf({ kind: 'score', when }, { 'contact.email': 'dana@northwind-mfg.com' })).toBe(
      `+10 points: Email domain is northwind-mfg.com, not on the list "free-mail-domains" ${note}`,
    )
  })

  it('names only the matched products of a containsAny list', () => {
    const when = {
      all: [
        { fact: 'technology.installed', operator: 'containsAny', value: { list: 'crm-products' } },
      ],
    } as const
    expect(reasonOf({ kind: 'score', when }, { 'technology.installed': ['sap', 'hubspot'] })).toBe(
      `+10 points: Installed technology includes hubspot ${note}`,
    )
  })

  it('names the list a containsAny condition found nothing from', () => {
    const when = {
      all: [
        { fact: 'technology.installed', operator: 'containsAny', value: { list: 'crm-products' } },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'technology.installed': ['sap'] })).toBe(
      `Installed technology is sap; a value on the list "crm-products" required ${note}`,
    )
  })

  it('names only the matched phrases of a titleHasAny list', () => {
    const when = {
      all: [{ fact: 'contact.title', operator: 'titleHasAny', value: { list: 'decision-titles' } }],
    } as const
    expect(reasonOf({ kind: 'score', when }, { 'contact.title': 'VP, Sales' })).toBe(
      `+10 points: Job title "VP, Sales" mentions "vp" ${note}`,
    )
  })

  it('names the list a title must mention', () => {
    const when = {
      all: [{ fact: 'contact.title', operator: 'titleHasAny', value: { list: 'decision-titles' } }],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.title': 'MVP Developer' })).toBe(
      `Job title is "MVP Developer"; it must mention a value on the list "decision-titles" ${note}`,
    )
  })

  it('reads an endsWith list as any of its suffixes', () => {
    const when = {
      all: [{ fact: 'contact.email', operator: 'endsWith', value: { list: 'gov-suffixes' } }],
    } as const
    expect(reasonOf({ kind: 'disqualify', when }, { 'contact.email': 'pat@army.mil' })).toBe(
      `Disqualified: Email is pat@army.mil, ending with a value on the list "gov-suffixes" ${note}`,
    )
  })
})

describe('unknown facts', () => {
  const budget = {
    all: [{ fact: 'bant.budget', operator: 'greaterThanInclusive', value: 10_000 }],
  } as const

  it('sends a lead to nurture until the fact is known (the default for require)', () => {
    expect(
      reasonOf(
        { kind: 'require', when: budget, rationale: 'The smallest package costs $10,000 a year' },
        {},
      ),
    ).toBe(
      'Budget unknown, lead sent to nurture until it is known (sales: the smallest package costs $10,000 a year)',
    )
  })

  it('says so when onMissing rejects the lead', () => {
    expect(reasonOf({ kind: 'require', when: budget, onMissing: 'reject' }, {})).toBe(
      `Budget unknown; lead rejected because it is required ${note}`,
    )
  })

  it('lists several unknown facts once each, in condition order', () => {
    const when = {
      all: [
        { fact: 'bant.budget', operator: 'greaterThanInclusive', value: 10_000 },
        { fact: 'bant.timelineMonths', operator: 'lessThanInclusive', value: 6 },
        { fact: 'bant.budget', operator: 'lessThan', value: 1_000_000 },
        { fact: 'bant.authority', operator: 'in', value: ['decision-maker', 'influencer'] },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when }, {})).toBe(
      `Budget, purchase timeline and authority unknown, lead sent to nurture until they are known ${note}`,
    )
  })

  it('joins two unknown facts with "and"', () => {
    const when = {
      any: [
        { fact: 'engagement.visits', operator: 'greaterThanInclusive', value: 3 },
        { fact: 'engagement.downloads', operator: 'greaterThanInclusive', value: 1 },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when, onMissing: 'reject' }, {})).toBe(
      `Website visits and content downloads unknown; lead rejected because they are required ${note}`,
    )
  })

  it('names only the unknown facts, not those that failed in an unknown any', () => {
    const when = {
      any: [
        { fact: 'engagement.visits', operator: 'greaterThanInclusive', value: 3 },
        { fact: 'engagement.downloads', operator: 'greaterThanInclusive', value: 1 },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'engagement.visits': 1 })).toBe(
      `Content downloads unknown, lead sent to nurture until it is known ${note}`,
    )
  })

  it('keeps an acronym at the start of a later label as written', () => {
    const when = {
      all: [
        { fact: 'bant.budget', operator: 'exists' },
        { fact: 'custom.icpTier', operator: 'equal', value: 'A' },
      ],
    } as const
    expect(
      reasonOf(
        { kind: 'score', when, onMissing: 'nurture' },
        { 'bant.budget': 5000 },
        { fields: { 'custom.icpTier': { type: 'string', label: 'ICP tier' } } },
      ),
    ).toBe(`ICP tier unknown, lead sent to nurture until it is known ${note}`)
  })

  it('names a value of the wrong type instead of calling it missing', () => {
    expect(
      reasonOf(
        {
          kind: 'require',
          when: {
            all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }],
          },
        },
        { 'company.employees': '50' },
      ),
    ).toBe(
      `Employees unknown ("50" is not a number), lead sent to nurture until it is known ${note}`,
    )
  })

  it('explains an unknown disqualifier that sends the lead to nurture', () => {
    const when = {
      all: [{ fact: 'contact.emailDomain', operator: 'in', value: { list: 'competitor-domains' } }],
    } as const
    expect(reasonOf({ kind: 'disqualify', when, onMissing: 'nurture' }, {})).toBe(
      `Email domain unknown, lead sent to nurture until it is known ${note}`,
    )
  })

  it('gives no reason for an unknown disqualifier by default', () => {
    const when = {
      all: [{ fact: 'contact.emailDomain', operator: 'in', value: { list: 'competitor-domains' } }],
    } as const
    expect(reasonOf({ kind: 'disqualify', when }, {})).toBeUndefined()
  })

  it('gives no reason for an unknown score rule by default', () => {
    expect(reasonOf({ kind: 'score', when: budget }, {})).toBeUndefined()
  })
})

describe('negated conditions', () => {
  it('spells out a negated "in" as values not allowed', () => {
    const when = {
      not: { fact: 'company.industry', operator: 'in', value: ['retail', 'finance'] },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'company.industry': 'retail' })).toBe(
      `Industry is Retail trade; Retail trade or Finance and insurance not allowed ${note}`,
    )
  })

  it('turns a negated lessThan into the opposite bound', () => {
    const when = {
      not: { fact: 'company.employees', operator: 'lessThan', value: 50 },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'company.employees': 12 })).toBe(
      `Company has 12 employees; at least 50 required ${note}`,
    )
  })

  it('turns a negated greaterThanInclusive into the opposite bound', () => {
    const when = {
      all: [{ not: { fact: 'bant.timelineMonths', operator: 'greaterThanInclusive', value: 12 } }],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'bant.timelineMonths': 18 })).toBe(
      `Purchase timeline is 18 months; less than 12 months required ${note}`,
    )
  })

  it('turns a negated between into "less than or more than"', () => {
    const when = {
      not: { fact: 'company.employees', operator: 'between', value: [1, 10] },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'company.employees': 8 })).toBe(
      `Company has 8 employees; less than 1 or more than 10 required ${note}`,
    )
  })

  it('reads a negated notEqual as the value required', () => {
    const when = {
      not: { fact: 'company.industry', operator: 'notEqual', value: 'retail' },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'company.industry': 'mining' })).toBe(
      `Industry is Mining and oil and gas extraction; Retail trade required ${note}`,
    )
  })

  it('says a negated exists wants the field empty', () => {
    const when = { not: { fact: 'contact.phone', operator: 'exists' } } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.phone': '555-0100' })).toBe(
      `Phone is 555-0100; it must be empty ${note}`,
    )
  })

  it('says a negated title match must not mention the phrase', () => {
    const when = {
      not: { fact: 'contact.title', operator: 'titleHasAny', value: ['student', 'intern'] },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.title': 'Summer Intern' })).toBe(
      `Job title is "Summer Intern"; it must not mention "student" or "intern" ${note}`,
    )
  })

  it('explains a disqualifier matched through a not', () => {
    const when = {
      not: { fact: 'company.region', operator: 'in', value: ['NA', 'EMEA'] },
    } as const
    expect(reasonOf({ kind: 'disqualify', when }, { 'company.country': 'BR' })).toBe(
      `Disqualified: Region is Latin America, not North America or EMEA ${note}`,
    )
  })

  it('cancels a double negation', () => {
    const when = {
      not: { not: { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 } },
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'company.employees': 12 })).toBe(
      `Company has 12 employees; at least 50 required ${note}`,
    )
  })

  it('lists each member of a failed not-any as not allowed', () => {
    const when = {
      not: {
        any: [
          { fact: 'company.industry', operator: 'equal', value: 'retail' },
          { fact: 'company.employees', operator: 'lessThan', value: 50 },
        ],
      },
    } as const
    expect(
      reasonOf(
        { kind: 'require', when },
        { 'company.industry': 'retail', 'company.employees': 12 },
      ),
    ).toBe(
      `Industry is Retail trade; Retail trade not allowed. Company has 12 employees; at least 50 required ${note}`,
    )
  })
})

describe('groups', () => {
  it('lists every failed member of an all, not only the first', () => {
    const when = {
      all: [
        { fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 },
        { fact: 'company.industry', operator: 'in', value: ['manufacturing', 'finance'] },
        { fact: 'bant.budget', operator: 'greaterThanInclusive', value: 10_000 },
      ],
    } as const
    expect(
      reasonOf(
        { kind: 'require', when },
        { 'company.employees': 12, 'company.industry': 'retail', 'bant.budget': 20_000 },
      ),
    ).toBe(
      `Company has 12 employees; at least 50 required. Industry is Retail trade; one of Manufacturing or Finance and insurance required ${note}`,
    )
  })

  it('presents the members of a failed any as alternatives', () => {
    const when = {
      any: [
        { fact: 'contact.title', operator: 'titleHasAny', value: ['vp', 'director'] },
        { fact: 'contact.seniority', operator: 'in', value: ['c-level', 'vp'] },
      ],
    } as const
    expect(reasonOf({ kind: 'require', when }, { 'contact.title': 'Marketing Intern' })).toBe(
      `Job title is "Marketing Intern"; it must mention "vp" or "director". Alternatively: Seniority is Entry level; one of C-level or Vice president required ${note}`,
    )
  })

  it('joins the matched members of a score rule with semicolons', () => {
    const when = {
      any: [
        { fact: 'contact.title', operator: 'titleHasAny', value: ['vp', 'director'] },
        { fact: 'contact.seniority', operator: 'in', value: ['c-level', 'vp', 'director'] },
      ],
    } as const
    expect(reasonOf({ kind: 'score', points: 20, when }, { 'contact.title': 'VP Marketing' })).toBe(
      `+20 points: Job title "VP Marketing" mentions "vp"; Seniority is Vice president ${note}`,
    )
  })

  it('keeps a rationale that starts with "I" as written', () => {
    const when = { all: [{ fact: 'bant.need', operator: 'equal', value: 'confirmed' }] } as const
    expect(
      reasonOf(
        { kind: 'score', when, rationale: 'I only call leads with a confirmed need' },
        { 'bant.need': 'confirmed' },
      ),
    ).toBe('+10 points: Need is Confirmed (sales: I only call leads with a confirmed need)')
  })

  it('shows negative points with a minus sign', () => {
    const when = {
      all: [{ fact: 'contact.emailDomain', operator: 'in', value: { list: 'free-mail-domains' } }],
    } as const
    expect(
      reasonOf({ kind: 'score', points: -10, when }, { 'contact.email': 'sam@gmail.com' }),
    ).toBe(`-10 points: Email domain is gmail.com, on the list "free-mail-domains" ${note}`)
  })

  it('uses the rule name when there is no rationale', () => {
    const when = {
      all: [{ fact: 'bant.need', operator: 'in', value: ['confirmed', 'likely'] }],
    } as const
    expect(
      reasonOf(
        { kind: 'score', when, name: 'Need confirmed or likely', rationale: undefined },
        { 'bant.need': 'likely' },
      ),
    ).toBe('+10 points: Need is Likely (sales: need confirmed or likely)')
  })
})

describe('policy reasons', () => {
  const points = (value: number) =>
    rule({
      id: 'fit',
      kind: 'score',
      points: value,
      when: { all: [{ fact: 'company.employees', operator: 'exists' }] },
    })

  it('says the score reached the acceptance threshold', () => {
    const decision = decide([points(70)], { 'company.employees': 10 })
    expect(decision.reasons[0]).toEqual({
      ruleId: null,
      owner: null,
      kind: 'policy',
      result: 'pass',
      effect: 'none',
      text: 'Score 70 reaches the 60 points needed to accept',
    })
  })

  it('says a score between the thresholds sends the lead to nurture', () => {
    const decision = decide([points(40)], { 'company.employees': 10 })
    expect(decision.reasons[0]).toEqual({
      ruleId: null,
      owner: null,
      kind: 'policy',
      result: 'fail',
      effect: 'nurture',
      text: 'Score 40 is below the 60 points needed to accept; lead sent to nurture',
    })
  })

  it('says a score below nurtureAt rejects the lead', () => {
    const decision = decide([points(10)], { 'company.employees': 10 })
    expect(decision.reasons[0]).toEqual({
      ruleId: null,
      owner: null,
      kind: 'policy',
      result: 'fail',
      effect: 'rejected',
      text: 'Score 10 is below the 30 points needed for nurture; lead rejected',
    })
  })

  it('uses the singular for a threshold of one point', () => {
    const decision = decide(
      [points(0)],
      { 'company.employees': 10 },
      {
        policy: { acceptAt: 1, nurtureAt: 1 },
      },
    )
    expect(decision.reasons[0]!.text).toBe(
      'Score 0 is below the 1 point needed for nurture; lead rejected',
    )
  })

  it('formats a negative score', () => {
    const decision = decide([points(-1000), { ...points(-500), id: 'fit-2' }], {
      'company.employees': 10,
    })
    expect(decision.reasons[0]!.text).toBe(
      'Score -1,500 is below the 30 points needed for nurture; lead rejected',
    )
  })

  it('gives no score reason when a rule decided the outcome', () => {
    const decision = decide(
      [
        points(70),
        rule({
          kind: 'require',
          when: { all: [{ fact: 'bant.budget', operator: 'greaterThan', value: 0 }] },
        }),
      ],
      { 'company.employees': 10 },
    )
    expect(decision.reasons.map((reason) => reason.kind)).toEqual(['require', 'score'])
  })

  it('orders reasons: rejections, nurtures, then the score, then points earned', () => {
    const decision = decide(
      [
        points(70),
        rule({
          id: 'budget',
          kind: 'require',
          when: { all: [{ fact: 'bant.budget', operator: 'greaterThan', value: 0 }] },
        }),
        rule({
          id: 'competitor',
          kind: 'disqualify',
          when: { all: [{ fact: 'company.domain', operator: 'equal', value: 'collabrix.com' }] },
        }),
      ],
      { 'company.employees': 10, 'company.domain': 'collabrix.com' },
    )
    expect(decision.reasons.map((reason) => [reason.ruleId, reason.effect])).toEqual([
      ['competitor', 'rejected'],
      ['budget', 'nurture'],
      ['fit', 'points'],
    ])
  })

  it('carries the rule, owner, kind, result, effect and points of a reason', () => {
    const decision = decide([points(70)], { 'company.employees': 10 })
    expect(decision.reasons[1]).toEqual({
      ruleId: 'fit',
      ruleName: 'Rule under test',
      owner: 'sales',
      kind: 'score',
      result: 'pass',
      effect: 'points',
      points: 70,
      text: `+70 points: Company has 10 employees ${note}`,
    })
  })
})
