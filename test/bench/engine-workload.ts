import {
  parseRuleset,
  RULESET_CONTENT_TYPE,
  RULESET_SCHEMA_VERSION,
  type Condition,
  type Lead,
  type Ruleset,
} from '../../engine/index.ts'

/**
 * The engine benchmark's workload: a B2B acceptance ruleset of realistic lead rules
 * (22 rules, 52 conditions, two personas) and leads that carry every fact it reads, drawn
 * from a seeded generator so every run measures the same thing.
 */

const competitors = ['collabrix.com', 'workstreamhq.com', 'teamlattice.io', 'syncwell.com']
const freeMail = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'gmx.de']

const leaf = (fact: string, operator: string, value?: unknown) =>
  (value === undefined ? { fact, operator } : { fact, operator, value }) as Condition

type Kind = 'require' | 'disqualify' | 'score'
type Owner = 'marketing' | 'sales'
const rule = (id: string, kind: Kind, owner: Owner, when: Condition, points?: number) => ({
  id,
  name: id.replace(/-/g, ' '),
  kind,
  owner,
  when,
  ...(points === undefined ? {} : { points }),
  rationale: `Agreed ${kind} criterion`,
})
const all = (...members: Condition[]): Condition => ({ all: members })
const any = (...members: Condition[]): Condition => ({ any: members })
const not = (member: Condition): Condition => ({ not: member })

const rules = [
  rule(
    'competitor',
    'disqualify',
    'sales',
    any(
      leaf('contact.emailDomain', 'in', { list: 'competitor-domains' }),
      leaf('company.domain', 'in', { list: 'competitor-domains' }),
      leaf('company.name', 'startsWith', 'collabrix'),
    ),
  ),
  rule(
    'entry-level',
    'disqualify',
    'marketing',
    any(
      leaf('contact.seniority', 'equal', 'entry'),
      leaf('contact.title', 'titleHasAny', ['intern', 'student', 'trainee']),
    ),
  ),
  rule(
    'do-not-contact',
    'disqualify',
    'marketing',
    all(leaf('contact.doNotEmail', 'equal', true), leaf('contact.doNotCall', 'equal', true)),
  ),
  rule(
    'min-employees',
    'require',
    'sales',
    all(leaf('company.employees', 'greaterThanInclusive', 50)),
  ),
  rule(
    'served-region',
    'require',
    'sales',
    all(
      leaf('company.region', 'in', ['NA', 'EMEA']),
      not(leaf('company.country', 'in', ['RU', 'IR', 'KP', 'SY', 'CU'])),
    ),
  ),
  rule(
    'email-known',
    'require',
    'marketing',
    all(leaf('contact.email', 'exists'), not(leaf('contact.emailDomain', 'endsWith', '.invalid'))),
  ),
  rule(
    'budget-known',
    'require',
    'sales',
    all(leaf('bant.budget', 'exists'), leaf('bant.budget', 'greaterThan', 0)),
  ),
  rule(
    'decision-title',
    'score',
    'sales',
    any(
      leaf('contact.title', 'titleHasAny', [
        'vp',
        'vice president',
        'director',
        'head of',
        'chief',
      ]),
      leaf('contact.seniority', 'in', ['vp', 'director', 'c-level']),
    ),
    20,
  ),
  rule(
    'size-sweet-spot',
    'score',
    'sales',
    all(
      leaf('company.employees', 'between', [200, 5000]),
      leaf('company.revenue', 'greaterThanInclusive', 10_000_000),
    ),
    15,
  ),
  rule(
    'target-industry',
    'score',
    'marketing',
    any(
      leaf('company.industry', 'in', [
        'manufacturing',
        'finance',
        'healthcare',
        'information',
        'professional-services',
        'retail',
      ]),
      leaf('company.name', 'endsWith', 'bank'),
    ),
    15,
  ),
  rule(
    'tech-fit',
    'score',
    'marketing',
    any(
      leaf('technology.installed', 'containsAny', ['salesforce', 'hubspot', 'dynamics-365']),
      all(
        leaf('technology.installed', 'contains', 'microsoft-365'),
        leaf('technology.installed', 'doesNotContain', 'sap'),
      ),
    ),
    10,
  ),
  rule(
    'many-locations',
    'score',
    'sales',
    all(
      leaf('company.locations', 'greaterThanInclusive', 3),
      leaf('company.locations', 'lessThan', 500),
    ),
    10,
  ),
  rule(
    'authority',
    'score',
    'sales',
    any(
      leaf('bant.authority', 'equal', 'decision-maker'),
      all(
        leaf('bant.authority', 'equal', 'influencer'),
        leaf('contact.seniority', 'in', ['director', 'vp']),
      ),
    ),
    10,
  ),
  rule(
    'need',
    'score',
    'sales',
    all(leaf('bant.need', 'in', ['confirmed', 'likely']), leaf('bant.need', 'notEqual', 'none')),
    10,
  ),
  rule(
    'timeline',
    'score',
    'sales',
    all(
      leaf('bant.timelineMonths', 'lessThanInclusive', 6),
      leaf('bant.timelineMonths', 'greaterThan', 0),
    ),
    10,
  ),
  rule(
    'engaged',
    'score',
    'marketing',
    any(
      leaf('engagement.visits', 'greaterThanInclusive', 5),
      leaf('engagement.downloads', 'greaterThanInclusive', 2),
      leaf('engagement.timeOnSiteSeconds', 'greaterThan', 600),
      leaf('engagement.pageViews', 'greaterThanInclusive', 15),
    ),
    5,
  ),
  rule(
    'security-buyer',
    'score',
    'sales',
    any(
      leaf('contact.title', 'titleHasAny', ['security', 'ciso']),
      leaf('contact.function', 'equal', 'it'),
      leaf('company.industry', 'equal', 'finance'),
    ),
    5,
  ),
  rule(
    'free-mail',
    'score',
    'marketing',
    all(leaf('contact.emailDomain', 'in', { list: 'free-mail-domains' })),
    -10,
  ),
  rule(
    'inbound-source',
    'score',
    'marketing',
    all(
      leaf('engagement.source', 'in', ['web', 'referral', 'event']),
      leaf('engagement.lastActivity', 'notEqual', 'Unsubscribed'),
    ),
    5,
  ),
  rule(
    'business-function',
    'score',
    'marketing',
    any(
      leaf('contact.function', 'in', ['marketing', 'sales', 'operations']),
      leaf('contact.title', 'startsWith', 'head'),
      leaf('contact.title', 'endsWith', 'manager'),
    ),
    5,
  ),
  rule(
    'researching',
    'score',
    'marketing',
    all(
      leaf('engagement.pageViews', 'greaterThan', 10),
      leaf('company.sizeBand', 'notIn', ['1-10', '11-50']),
      not(leaf('engagement.lastActivity', 'equal', 'Email Bounced')),
    ),
    5,
  ),
  rule(
    'ideal-account',
    'score',
    'sales',
    all(
      leaf('company.country', 'in', ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'SE', 'CH', 'IE']),
      leaf('company.employees', 'lessThanInclusive', 20_000),
      leaf('bant.budget', 'greaterThanInclusive', 25_000),
      leaf('company.revenue', 'lessThan', 5_000_000_000),
    ),
    10,
  ),
]

export const benchRuleset: Ruleset = parseRuleset({
  contentType: RULESET_CONTENT_TYPE,
  schemaVersion: RULESET_SCHEMA_VERSION,
  id: 'bench-b2b',
  name: 'Benchmark B2B acceptance',
  policy: { acceptAt: 60, nurtureAt: 30 },
  lists: { 'competitor-domains': competitors, 'free-mail-domains': freeMail },
  rules,
  personas: [
    {
      id: 'it-director',
      name: 'IT director at a mid-size firm',
      match: all(
        leaf('contact.function', 'equal', 'it'),
        leaf('contact.seniority', 'in', ['director', 'vp']),
        leaf('company.employees', 'between', [200, 5000]),
      ),
    },
    {
      id: 'ops-change-lead',
      name: 'Operations change lead',
      match: any(
        leaf('contact.title', 'titleHasAny', ['change management', 'operations']),
        leaf('company.locations', 'greaterThanInclusive', 5),
      ),
    },
  ],
})

/** Deterministic pseudo-random numbers (mulberry32): the same leads on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const titles = [
  'VP of Sales',
  'Head of IT',
  'Director of Change Management',
  'Marketing Manager',
  'Chief Financial Officer',
  'Software Engineer',
  'Operations Manager',
  'Intern',
  'IT Director',
  'Account Executive',
]
const seniorities = ['vp', 'director', 'manager', 'individual', 'c-level', 'entry']
const functions = ['it', 'marketing', 'sales', 'operations', 'engineering', 'finance']
const industries = [
  'manufacturing',
  'finance',
  'retail',
  'information',
  'healthcare',
  'construction',
]
const countries = [
  ['US', 'NA'],
  ['CA', 'NA'],
  ['DE', 'EMEA'],
  ['GB', 'EMEA'],
  ['FR', 'EMEA'],
  ['IN', 'APAC'],
  ['BR', 'LATAM'],
  ['RU', 'EMEA'],
] as const
const sizeBands = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000']
const technology = [
  'salesforce',
  'hubspot',
  'microsoft-365',
  'slack',
  'zoom',
  'sap',
  'dynamics-365',
]
const domains = ['acme.com', 'globex.io', 'initech.com', 'umbrella.de', ...competitors, ...freeMail]
const activities = [
  'Email Opened',
  'Page Visited',
  'Form Submitted',
  'Unsubscribed',
  'Email Bounced',
]

/** `count` leads with every fact the benchmark ruleset reads. */
export function benchLeads(count: number, seed = 20_250_601): Lead[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const upTo = (max: number) => Math.floor(next() * max)
  return Array.from({ length: count }, (_, at) => {
    const [country, region] = pick(countries)
    const domain = pick(domains)
    return {
      id: `bench-${at}`,
      contact: {
        title: pick(titles),
        seniority: pick(seniorities),
        function: pick(functions),
        email: `lead${at}@${domain}`,
        emailDomain: domain,
        doNotEmail: next() < 0.1,
        doNotCall: next() < 0.3,
      },
      company: {
        name: `${pick(['Acme', 'Globex', 'Northwind'])} ${pick(['Bank', 'Corp', 'Group'])}`,
        domain: pick(domains),
        employees: 5 + upTo(12_000),
        revenue: 100_000 + upTo(2_000_000_000),
        industry: pick(industries),
        locations: 1 + upTo(40),
        country,
        region,
        sizeBand: pick(sizeBands),
      },
      technology: { installed: [pick(technology), pick(technology)] },
      bant: {
        budget: upTo(200_000),
        authority: pick(['decision-maker', 'influencer', 'evaluator', 'none']),
        need: pick(['confirmed', 'likely', 'unclear', 'none']),
        timelineMonths: upTo(24),
      },
      engagement: {
        source: pick(['web', 'referral', 'event', 'purchased-list']),
        visits: upTo(20),
        downloads: upTo(5),
        pageViews: upTo(40),
        timeOnSiteSeconds: upTo(1_800),
        lastActivity: pick(activities),
      },
    }
  })
}

/** Leaf conditions in the ruleset's rules (personas not counted). */
export function countConditions(ruleset: Ruleset): number {
  const count = (condition: Condition): number =>
    'all' in condition
      ? condition.all.reduce((sum, member) => sum + count(member), 0)
      : 'any' in condition
        ? condition.any.reduce((sum, member) => sum + count(member), 0)
        : 'not' in condition
          ? count(condition.not)
          : 1
  return ruleset.rules.reduce((sum, rule) => sum + count(rule.when), 0)
}
