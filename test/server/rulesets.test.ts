import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness } from './harness.ts'
import { smallRuleset } from './fixtures.ts'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

interface VersionBody {
  version: number
  status: string
  etag: string
  basedOn: number | null
  ruleset: {
    id: string
    version: number
    status: string
    rules: { id: string }[]
    policy: { acceptAt: number }
  }
}

async function createDraft(id: string) {
  const res = await h.request('marketing', 'POST', '/api/rulesets', smallRuleset(id))
  expect(res.status).toBe(201)
  return (await res.json()) as VersionBody
}

describe('rulesets and versions', () => {
  it('lists the example ruleset with its published version', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets')
    expect(res.status).toBe(200)
    const { rulesets } = (await res.json()) as {
      rulesets: {
        id: string
        published: { version: number } | null
        latest: { version: number; status: string }
      }[]
    }
    const example = rulesets.find((ruleset) => ruleset.id === 'b2b-inbound')!
    expect(example.published?.version).toBe(1)
    expect(example.latest).toMatchObject({ version: 1, status: 'published' })
  })

  it('creates a ruleset as a version 1 draft with an ETag and a Location', async () => {
    const res = await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('create-one'))
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/api/rulesets/create-one/versions/1')
    const body = (await res.json()) as VersionBody
    expect(body.version).toBe(1)
    expect(body.status).toBe('draft')
    expect(res.headers.get('etag')).toBe(body.etag)
    expect(body.ruleset.status).toBe('draft')
  })

  it('creates from just an id and a name, with default policy and no rules', async () => {
    const res = await h.request('sales', 'POST', '/api/rulesets', {
      id: 'bare-minimum',
      name: 'Bare',
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as VersionBody
    expect(body.ruleset.policy.acceptAt).toBe(60)
    expect(body.ruleset.rules).toEqual([])
  })

  it('refuses a second ruleset with the same id with 409', async () => {
    await createDraft('dupe')
    const res = await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('dupe'))
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('ruleset_exists')
  })

  it('answers an invalid ruleset with 422 and the JSON path of each error', async () => {
    const bad = smallRuleset('bad-one')
    bad.rules[0]!.when.all[0]!.operator = 'greaterThanOrEqual'
    const res = await h.request('marketing', 'POST', '/api/rulesets', bad)
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_ruleset')
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues
    expect(issues[0]!.path).toBe('rules[0].when.all[0].operator')
    expect(issues[0]!.message).toContain('greaterThanOrEqual')
  })

  it('answers a ruleset id that is not a slug (path traversal) with 400', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets/..%2F..%2Fetc/versions')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_request')
  })

  it('answers an unknown ruleset with 404 and an unknown version with 404', async () => {
    expect(
      (await errorOf(await h.request('viewer', 'GET', '/api/rulesets/nope/versions'))).code,
    ).toBe('ruleset_not_found')
    const res = await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/99')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('version_not_found')
  })

  it('gets a version with its ETag', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/1')
    expect(res.status).toBe(200)
    const body = (await res.json()) as VersionBody
    expect(res.headers.get('etag')).toBe('"v1.r1"')
    expect(body.ruleset.id).toBe('b2b-inbound')
    expect(body.status).toBe('published')
  })

  it('saves a draft when If-Match holds and moves the ETag on', async () => {
    const draft = await createDraft('edit-ok')
    const changed = { ...smallRuleset('edit-ok'), policy: { acceptAt: 20, nurtureAt: 0 } }
    const res = await h.request('sales', 'PUT', '/api/rulesets/edit-ok/versions/1', changed, {
      'if-match': draft.etag,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as VersionBody
    expect(body.ruleset.policy.acceptAt).toBe(20)
    expect(body.etag).toBe('"v1.r2"')
  })

  it('refuses a save with a stale ETag with 409 and keeps the newer content', async () => {
    const draft = await createDraft('edit-stale')
    const first = { ...smallRuleset('edit-stale'), policy: { acceptAt: 20, nurtureAt: 0 } }
    const second = { ...smallRuleset('edit-stale'), policy: { acceptAt: 30, nurtureAt: 0 } }
    await h.request('sales', 'PUT', '/api/rulesets/edit-stale/versions/1', first, {
      'if-match': draft.etag,
    })
    const res = await h.request('marketing', 'PUT', '/api/rulesets/edit-stale/versions/1', second, {
      'if-match': draft.etag,
    })
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('stale_version')
    const now = (await (
      await h.request('viewer', 'GET', '/api/rulesets/edit-stale/versions/1')
    ).json()) as VersionBody
    expect(now.ruleset.policy.acceptAt).toBe(20)
  })

  it('lets exactly one of several parallel saves with the same ETag win', async () => {
    const draft = await createDraft('edit-race')
    const results = await Promise.all(
      [21, 22, 23, 24, 25].map((acceptAt) =>
        h.request(
          'sales',
          'PUT',
          '/api/rulesets/edit-race/versions/1',
          { ...smallRuleset('edit-race'), policy: { acceptAt, nurtureAt: 0 } },
          { 'if-match': draft.etag },
        ),
      ),
    )
    expect(results.map((res) => res.status).sort()).toEqual([200, 409, 409, 409, 409])
  })

  it('requires If-Match on a save (428)', async () => {
    await createDraft('edit-no-etag')
    const res = await h.request(
      'sales',
      'PUT',
      '/api/rulesets/edit-no-etag/versions/1',
      smallRuleset('edit-no-etag'),
    )
    expect(res.status).toBe(428)
    expect((await errorOf(res)).code).toBe('if_match_required')
  })

  it('refuses any write to a published version with 409', async () => {
    const res = await h.request(
      'sales',
      'PUT',
      '/api/rulesets/b2b-inbound/versions/1',
      { id: 'b2b-inbound' },
      { 'if-match': '"v1.r1"' },
    )
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('version_not_editable')
  })

  it('refuses a document whose id differs from the URL with 422 naming "id"', async () => {
    const draft = await createDraft('edit-wrong-id')
    const res = await h.request(
      'sales',
      'PUT',
      '/api/rulesets/edit-wrong-id/versions/1',
      smallRuleset('other-id'),
      { 'if-match': draft.etag },
    )
    expect(res.status).toBe(422)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(['id'])
  })

  it('creates a new draft from the published version, numbered after the last', async () => {
    const res = await h.request('marketing', 'POST', '/api/rulesets/b2b-inbound/versions', {
      changeNote: 'try a lower bar',
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as VersionBody
    expect(body.version).toBe(2)
    expect(body.basedOn).toBe(1)
    expect(body.status).toBe('draft')
    const list = (await (
      await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions')
    ).json()) as { versions: { version: number; status: string }[] }
    expect(list.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ])
  })

  it('diffs two versions rule by rule with field-level before and after', async () => {
    const draft = await createDraft('diffed')
    const next = (await (
      await h.request('marketing', 'POST', '/api/rulesets/diffed/versions', {})
    ).json()) as VersionBody
    const changed = smallRuleset('diffed', 100)
    changed.rules = [
      changed.rules[0]!,
      { ...changed.rules[1]!, id: 'title-2', name: 'Title again' },
    ]
    await h.request(
      'marketing',
      'PUT',
      '/api/rulesets/diffed/versions/2',
      { ...changed, policy: { acceptAt: 15, nurtureAt: 0 } },
      { 'if-match': next.etag },
    )
    expect(draft.version).toBe(1)
    const res = await h.request('viewer', 'GET', '/api/rulesets/diffed/versions/1/diff/2')
    expect(res.status).toBe(200)
    const diff = (await res.json()) as {
      rules: {
        added: { id: string }[]
        removed: { id: string }[]
        changed: { id: string; changes: unknown[] }[]
      }
      policy: unknown[]
    }
    expect(diff.rules.added.map((rule) => rule.id)).toEqual(['title-2'])
    expect(diff.rules.removed.map((rule) => rule.id)).toEqual(['title'])
    expect(diff.rules.changed).toEqual([
      {
        id: 'min-employees',
        name: 'At least 100 employees',
        changes: [
          { path: 'name', before: 'At least 50 employees', after: 'At least 100 employees' },
          { path: 'when.all[0].value', before: 50, after: 100 },
        ],
      },
    ])
    expect(diff.policy).toEqual([{ path: 'acceptAt', before: 10, after: 15 }])
  })

  it('answers a diff against a version that is not a number with 400', async () => {
    const res = await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions/1/diff/x')
    expect(res.status).toBe(400)
    const issues = ((await errorOf(res)).details as { issues: { path: string }[] }).issues
    expect(issues.map((issue) => issue.path)).toEqual(['b'])
  })
})

describe('deeply nested conditions', () => {
  it('accepts a ruleset whose conditions nest 30 levels deep', async () => {
    let when: unknown = { fact: 'company.employees', operator: 'greaterThan', value: 1 }
    for (let level = 0; level < 29; level++) when = { all: [when] }
    const deep = smallRuleset('deep-one')
    const res = await h.request('marketing', 'POST', '/api/rulesets', {
      ...deep,
      rules: [{ ...deep.rules[0], when }],
    })
    expect(res.status).toBe(201)
  })
})
