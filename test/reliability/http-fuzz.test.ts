import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operatorNames } from '../../engine/index.ts'
import { openHarness, type Harness } from '../server/harness.ts'
import { leads, smallRuleset } from '../server/fixtures.ts'

let h: Harness
const failures: string[] = []
beforeAll(async () => {
  h = await openHarness()
  await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('fuzz'))
})
afterAll(() => h.close())

/** Lead field paths the example ruleset reads, and a few it does not. */
const factPaths = [
  'company.employees',
  'company.country',
  'company.industry',
  'contact.title',
  'contact.email',
  'bant.budget',
  'technology.installed',
  'engagement.visits',
  'source',
  'x.y.z',
]

/** Any JSON value, biased towards the shapes a lead field takes. */
const fieldValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -1, 1e300),
  fc.string(),
  fc.constantFrom('', 'Director of Sales', 'DE', 'saas', 'a@b.c', '\u0000', '\ud800'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
)

const lead = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...factPaths), fieldValue).map((flat) => {
    const nested: Record<string, Record<string, unknown> | unknown> = {}
    for (const [path, value] of Object.entries(flat)) {
      const [head, ...rest] = path.split('.')
      if (rest.length === 0) nested[head!] = value
      else nested[head!] = { ...((nested[head!] as object) ?? {}), [rest.join('.')]: value }
    }
    return nested
  }),
  fc.constant(leads['T-1']),
)

const evaluateBody = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.record(
    {
      ruleset: fc.oneof(fc.constant('b2b-inbound'), fc.constant('fuzz'), fc.string()),
      version: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double(), fc.string()),
      lead,
      trace: fc.oneof(fc.constantFrom('full', 'failing', 'none'), fc.string()),
    },
    { requiredKeys: ['lead'] },
  ),
)

const condition = fc.record({
  fact: fc.oneof(fc.constantFrom(...factPaths), fc.string()),
  operator: fc.oneof(fc.constantFrom(...operatorNames), fc.string()),
  value: fieldValue,
})

const rule = fc.record(
  {
    id: fc.oneof(fc.constantFrom('r-1', 'r-2', 'min-employees'), fc.string()),
    name: fc.string({ maxLength: 20 }),
    owner: fc.constantFrom('marketing', 'sales', 'both', 'nobody'),
    kind: fc.constantFrom('require', 'score', 'disqualify', 'nurture', 'other'),
    points: fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double(), fc.string()),
    when: fc.oneof(
      fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
      fc.record({ any: fc.array(condition, { maxLength: 3 }) }),
      fc.record({ not: condition }),
      condition,
      fc.jsonValue({ maxDepth: 3 }),
    ),
  },
  { requiredKeys: [] },
)

const rulesetBody = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.record(
    {
      id: fc.oneof(fc.constant('fuzz'), fc.string()),
      name: fc.string({ maxLength: 30 }),
      policy: fc.oneof(
        fc.record({ acceptAt: fc.integer(), nurtureAt: fc.integer() }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      rules: fc.oneof(fc.array(rule, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
      personas: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: ['id', 'name'] },
  ),
)

/** Sends `body`, and notes any answer that is a 5xx or not the error shape. */
async function probe(method: string, path: string, body: unknown, headers = {}) {
  const res = await h.request('marketing', method, path, JSON.stringify(body), headers)
  const text = await res.text()
  if (res.status >= 500) failures.push(`${method} ${path} ${res.status}: ${JSON.stringify(body)}`)
  if (res.status >= 400) {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
    expect(typeof parsed.error?.code).toBe('string')
    expect(typeof parsed.error?.message).toBe('string')
    expect(parsed.error).toHaveProperty('details')
  }
  return res.status
}

describe('random JSON bodies through the HTTP layer', () => {
  it('never get a 5xx from POST /api/evaluate', async () => {
    const seen = new Set<number>()
    await fc.assert(
      fc.asyncProperty(evaluateBody, async (body) => {
        seen.add(await probe('POST', '/api/evaluate', body))
      }),
      { numRuns: 300 },
    )
    expect(failures).toEqual([])
    // The bodies reach the handler (200) as well as the validators (400, 404).
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400]))
  })

  it('never get a 5xx from PUT on a draft, with its current ETag', async () => {
    const seen = new Set<number>()
    await fc.assert(
      fc.asyncProperty(rulesetBody, async (body) => {
        const current = await h.request('marketing', 'GET', '/api/rulesets/fuzz/versions/1')
        const etag = current.headers.get('etag')!
        seen.add(await probe('PUT', '/api/rulesets/fuzz/versions/1', body, { 'if-match': etag }))
      }),
      { numRuns: 300 },
    )
    expect(failures).toEqual([])
    expect([...seen].sort()).toEqual(expect.arrayContaining([400, 422]))
  })

  it('never get a 5xx evaluating random leads against a saved draft', async () => {
    const saved = await h.request(
      'marketing',
      'PUT',
      '/api/rulesets/fuzz/versions/1',
      smallRuleset('fuzz'),
      {
        'if-match': (
          await h.request('marketing', 'GET', '/api/rulesets/fuzz/versions/1')
        ).headers.get('etag')!,
      },
    )
    expect(saved.status).toBe(200)
    await fc.assert(
      fc.asyncProperty(lead, async (candidate) => {
        await probe('POST', '/api/evaluate', { ruleset: 'fuzz', version: 1, lead: candidate })
      }),
      { numRuns: 200 },
    )
    expect(failures).toEqual([])
  })
})
