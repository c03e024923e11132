import { describe, expect, it } from 'vitest'
import { compileMapping, validateMapping } from '../../engine/index.ts'

const issuesOf = (input: unknown) => {
  const result = validateMapping(input)
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`)
}

describe('mapping schema', () => {
  it('accepts the documented example', () => {
    expect(
      issuesOf({
        id: 'Id',
        facts: {
          'company.employees': { column: 'Employees', type: 'number' },
          'contact.title': 'Title',
        },
      }),
    ).toEqual([])
  })

  it.each(['__proto__.polluted', 'company.constructor', 'company.prototype.x'])(
    'refuses the fact path %s',
    (path) => {
      const facts = JSON.parse(`{ "${path}": "Column" }`)
      expect(issuesOf({ facts })).toEqual([
        `facts[${JSON.stringify(path)}]: a fact path may not use __proto__, constructor or prototype`,
      ])
    },
  )

  it('refuses __proto__ as a value-map key', () => {
    const mapping = JSON.parse(
      '{ "facts": { "contact.title": { "column": "T", "values": { "__proto__": "x" } } } }',
    )
    expect(issuesOf(mapping)).toEqual([
      'facts["contact.title"].values.__proto__: "__proto__" may not be used as a key',
    ])
  })

  it('names an unknown type', () => {
    expect(issuesOf({ facts: { 'company.employees': { column: 'E', type: 'integer' } } })).toEqual([
      'facts["company.employees"].type: type is one of "string", "number", "boolean", "date", "list" or "band"',
    ])
  })

  it('refuses options that do not fit the type', () => {
    expect(issuesOf({ facts: { 'contact.title': { column: 'T', separator: ';' } } })).toEqual([
      'facts["contact.title"].separator: "separator" applies to type "list" only',
    ])
  })

  it('refuses a value map whose values do not fit the type', () => {
    expect(
      issuesOf({
        facts: { 'contact.doNotCall': { column: 'D', type: 'boolean', values: { Yes: 'yes' } } },
      }),
    ).toEqual([
      'facts["contact.doNotCall"].values.Yes: a "boolean" column maps values to booleans or null',
    ])
  })

  it('refuses a fact nested inside another mapped fact', () => {
    expect(issuesOf({ facts: { company: 'Company', 'company.name': 'Name' } })).toEqual([
      'facts["company.name"]: "company.name" sits inside "company", which is mapped to a column itself',
    ])
  })

  it('refuses __proto__ as a fact key', () => {
    expect(issuesOf(JSON.parse('{ "facts": { "__proto__": "Column" } }'))).toEqual([
      'facts.__proto__: "__proto__" may not be used as a key',
    ])
  })

  it('throws from compileMapping on an invalid mapping', () => {
    expect(() => compileMapping({ facts: { 'a..b': 'x' } })).toThrow(
      'facts["a..b"]: a fact is a dotted path such as "company.employees"',
    )
  })
})
