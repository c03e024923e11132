import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  bestPersonaFinder,
  compileMapping,
  compileRuleset,
  parseRuleset,
  type PersonaInput,
} from '../../engine/index.ts'
import { buildRuleset, lead, rule } from './support/build.ts'

const changeDirector: PersonaInput = {
  id: 'change-director',
  name: 'Director of Change Management',
  match: {
    all: [
      { fact: 'contact.title', operator: 'titleHasAny', value: ['change', 'transformation'] },
      { fact: 'contact.seniority', operator: 'in', value: ['director', 'vp'] },
      { fact: 'company.employees', operator: 'greaterThanInclusive', value: 1000 },
      { fact: 'company.locations', operator: 'greaterThanInclusive', value: 3 },
    ],
  },
}

const techLeader: PersonaInput = {
  id: 'tech-leader',
  name: 'Technology leader',
  match: {
    all: [
      { fact: 'contact.function', operator: 'in', value: ['it', 'engineering'] },
      { fact: 'contact.seniority', operator: 'in', value: ['c-level', 'vp', 'director'] },
      { fact: 'technology.installed', operator: 'containsAny', value: ['salesforce', 'slack'] },
    ],
  },
}

const financeBuyer: PersonaInput = {
  id: 'finance-buyer',
  name: 'Finance buyer',
  match: { fact: 'company.industry', operator: 'equal', value: 'finance' },
}

function personasFor(
  personas: PersonaInput[],
  facts: Record<string, unknown>,
  personaMinMatch?: number,
) {
  const ruleset = buildRuleset({
    policy: {
      acceptAt: 60,
      nurtureAt: 30,
      ...(personaMinMatch === undefined ? {} : { personaMinMatch }),
    },
    personas,
    rules: [
      rule({
        kind: 'score',
        points: 60,
        when: { all: [{ fact: 'company.name', operator: 'exists' }] },
      }),
    ],
  })
  return compileRuleset(ruleset).evaluate(lead(facts)).personas
}

const director = {
  'contact.title': 'Director of Change Management',
  'company.employees': 1200,
}

describe('partial credit', () => {
  it('gives the share of criteria that pass and reports the unknown share apart', () => {
    expect(personasFor([changeDirector], director)).toEqual([
      {
        id: 'change-director',
        name: 'Director of Change Management',
        match: 0.75,
        unknown: 0.25,
        matched: [
          'Job title mentions any of "change" or "transformation"',
          'Seniority is one of Director or Vice president',
          'Company has at least 1,000 employees',
        ],
        missing: ['Company has at least 3 locations (unknown)'],
      },
    ])
  })

  it('lists a failed criterion as missing without "(unknown)"', () => {
    const [persona] = personasFor([changeDirector], { ...director, 'company.locations': 1 })
    expect([persona!.match, persona!.unknown, persona!.missing]).toEqual([
      0.75,
      0,
      ['Company has at least 3 locations'],
    ])
  })

  it('rounds the share to three decimals', () => {
    const [persona] = personasFor([techLeader], { 'contact.title': 'VP Engineering' })
    expect([persona!.match, persona!.unknown]).toEqual([0.667, 0.333])
  })

  it('treats a persona with a single condition as one criterion', () => {
    expect(personasFor([financeBuyer], { 'company.industry': 'finance' })).toEqual([
      {
        id: 'finance-buyer',
        name: 'Finance buyer',
        match: 1,
        unknown: 0,
        matched: ['Industry is Finance and insurance'],
        missing: [],
      },
    ])
  })

  it('counts a nested group as one criterion and brackets it', () => {
    const persona: PersonaInput = {
      id: 'emea-exec',
      name: 'EMEA executive',
      match: {
        all: [
          {
            any: [
              { fact: 'contact.seniority', operator: 'equal', value: 'c-level' },
              {
                all: [
                  { fact: 'contact.seniority', operator: 'equal', value: 'vp' },
                  { fact: 'company.revenue', operator: 'greaterThan', value: 50_000_000 },
                ],
              },
            ],
          },
          { fact: 'company.region', operator: 'equal', value: 'EMEA' },
        ],
      },
    }
    expect(personasFor([persona], { 'contact.title': 'CEO', 'company.country': 'US' })).toEqual([
      {
        id: 'emea-exec',
        name: 'EMEA executive',
        match: 0.5,
        unknown: 0,
        matched: [
          'Seniority is C-level or (Seniority is Vice president and Annual revenue is more than $50M)',
        ],
        missing: ['Region is EMEA'],
      },
    ])
  })

  it('reads a negated criterion with "not"', () => {
    const persona: PersonaInput = {
      id: 'not-retail',
      name: 'Outside retail',
      match: { all: [{ not: { fact: 'company.industry', operator: 'equal', value: 'retail' } }] },
    }
    expect(personasFor([persona], { 'company.industry': 'finance' })[0]!.matched).toEqual([
      'not (Industry is Retail trade)',
    ])
  })
})

describe('which personas are listed', () => {
  const subject = {
    ...director,
    'contact.title': 'Director of IT Change',
    'technology.installed': ['slack'],
    'company.industry': 'retail',
  }

  it('lists personas best first', () => {
    expect(
      personasFor([changeDirector, financeBuyer, techLeader], subject, 0).map((p) => [
        p.id,
        p.match,
      ]),
    ).toEqual([
      ['tech-leader', 1],
      ['change-director', 0.75],
      ['finance-buyer', 0],
    ])
  })

  it('orders five personas of mixed matches best first, ties in ruleset order', () => {
    const one = (id: string, value: string): PersonaInput => ({
      id,
      name: id,
      match: { fact: 'company.industry', operator: 'equal', value },
    })
    const personas = [
      one('a', 'retail'),
      changeDirector,
      one('b', 'finance'),
      techLeader,
      one('c', 'finance'),
    ]
    const listed = personasFor(personas, { ...subject, 'company.industry': 'finance' }, 0)
    expect(listed.map((p) => [p.id, p.match])).toEqual([
      ['b', 1],
      ['tech-leader', 1],
      ['c', 1],
      ['change-director', 0.75],
      ['a', 0],
    ])
  })

  it('shares one frozen match between leads with the same criteria results', () => {
    const ruleset = buildRuleset({
      personas: [changeDirector],
      rules: [
        rule({ kind: 'score', points: 60, when: { fact: 'company.name', operator: 'exists' } }),
      ],
    })
    const compiled = compileRuleset(ruleset)
    const [first] = compiled.evaluate(lead(director)).personas
    const [again] = compiled.evaluate(lead({ ...director, 'company.employees': 5000 })).personas
    const [other] = compiled.evaluate(lead({ ...director, 'company.locations': 9 })).personas
    expect([again === first, other === first, other!.match]).toEqual([true, false, 1])
    expect([first, first!.matched, first!.missing].map(Object.isFrozen)).toEqual([true, true, true])
  })

  it('keeps ruleset order between personas with the same match', () => {
    const twin = { ...techLeader, id: 'twin', name: 'Twin' }
    expect(personasFor([twin, techLeader], subject).map((p) => p.id)).toEqual([
      'twin',
      'tech-leader',
    ])
  })

  it('leaves out personas below personaMinMatch (default 0.5)', () => {
    expect(
      personasFor([changeDirector, financeBuyer, techLeader], subject).map((p) => p.id),
    ).toEqual(['tech-leader', 'change-director'])
  })

  it('lists a persona exactly at personaMinMatch', () => {
    expect(personasFor([changeDirector], subject, 0.75).map((p) => p.id)).toEqual([
      'change-director',
    ])
  })

  it('leaves out a persona just below personaMinMatch', () => {
    expect(personasFor([changeDirector], subject, 0.76)).toEqual([])
  })

  it('lists only full matches at personaMinMatch 1', () => {
    expect(personasFor([changeDirector, techLeader], subject, 1).map((p) => p.id)).toEqual([
      'tech-leader',
    ])
  })

  it('lists every persona, also one nothing is known about, at personaMinMatch 0', () => {
    expect(personasFor([financeBuyer], {}, 0)).toEqual([
      {
        id: 'finance-buyer',
        name: 'Finance buyer',
        match: 0,
        unknown: 1,
        matched: [],
        missing: ['Industry is Finance and insurance (unknown)'],
      },
    ])
  })
})

describe('personas and the decision', () => {
  const ruleset = buildRuleset({
    personas: [financeBuyer],
    rules: [
      rule({
        kind: 'score',
        points: 60,
        when: { all: [{ fact: 'company.name', operator: 'exists' }] },
      }),
    ],
  })
  const decision = compileRuleset(ruleset).evaluate(
    lead({ 'company.name': 'Northwind', 'company.industry': 'retail' }),
  )

  it('do not change the outcome or the score', () => {
    expect([decision.outcome, decision.score]).toEqual(['accepted', 60])
  })

  it('trace their conditions under the persona id', () => {
    expect(decision.trace.filter((entry) => entry.personaId)).toEqual([
      {
        personaId: 'finance-buyer',
        path: 'match',
        fact: 'company.industry',
        operator: 'equal',
        expected: 'finance',
        actual: 'retail',
        result: 'fail',
      },
    ])
  })
})

describe('bestPersonaFinder', () => {
  it('names the persona the decision lists first, for every X Education lead at three minimums', () => {
    const ruleset = parseRuleset(JSON.parse(readFileSync('rulesets/x-education.json', 'utf8')))
    const mapper = compileMapping(
      JSON.parse(readFileSync('rulesets/x-education.mapping.json', 'utf8')),
    )
    const rows: Record<string, string>[] = parse(
      readFileSync('../shared/data/x-education-leads/leads.csv'),
      { columns: true },
    )
    const counts: Record<string, number> = {}
    let differing = 0
    for (const minMatch of [0, 0.5, 1]) {
      const compiled = compileRuleset({
        ...ruleset,
        policy: { ...ruleset.policy, personaMinMatch: minMatch },
      })
      const roots = ruleset.personas.map((persona) =>
        compiled.nodes.findIndex((node) => node.personaId === persona.id && node.path === 'match'),
      )
      const best = bestPersonaFinder(ruleset, roots, compiled.nodes)
      for (const row of rows) {
        const evaluation = compiled.run(mapper.map(row).lead)
        const found = best(evaluation.results, minMatch)
        const listed = compiled.explain(evaluation, { trace: 'none' }).personas[0]?.name
        if (found !== listed) differing++
        const key = `${minMatch}:${found ?? 'none'}`
        counts[key] = (counts[key] ?? 0) + 1
      }
    }
    expect(differing).toBe(0)
    expect(counts).toEqual({
      '0:Graduate looking for a first job': 6835,
      '0:Professional upskilling for the next role': 2405,
      '0.5:Graduate looking for a first job': 5703,
      '0.5:Professional upskilling for the next role': 1491,
      '0.5:none': 2046,
      '1:Graduate looking for a first job': 4271,
      '1:Professional upskilling for the next role': 405,
      '1:none': 4564,
    })
  })
})
