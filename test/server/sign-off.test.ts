import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, openHarness, type Harness, type Person } from './harness.ts'
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
  approvals: { role: string; email: string; current: boolean }[]
  signOff: { marketing: boolean; sales: boolean; complete: boolean }
  history: { action: string; from: string | null; to: string; email: string; note?: string }[]
}

const path = (id: string, version = 1) => `/api/rulesets/${id}/versions/${version}`

async function act(as: Person, id: string, action: string, body?: unknown, version = 1) {
  return h.request(as, 'POST', `${path(id, version)}/${action}`, body)
}

async function inReview(id: string) {
  expect((await h.request('marketing', 'POST', '/api/rulesets', smallRuleset(id))).status).toBe(201)
  const res = await act('marketing', id, 'submit', { note: 'ready for review' })
  expect(res.status).toBe(200)
  return (await res.json()) as VersionBody
}

describe('two-party sign-off', () => {
  it('moves draft → in_review → approved → published with both approvals by two people', async () => {
    await inReview('flow')
    const afterMarketing = (await (
      await act('marketing', 'flow', 'approve', { note: 'fits our campaigns' })
    ).json()) as VersionBody
    expect(afterMarketing.status).toBe('in_review')
    expect(afterMarketing.signOff).toEqual({ marketing: true, sales: false, complete: false })
    const afterSales = (await (await act('sales', 'flow', 'approve')).json()) as VersionBody
    expect(afterSales.status).toBe('approved')
    expect(afterSales.signOff.complete).toBe(true)
    const published = await act('sales', 'flow', 'publish', { note: 'go live' })
    expect(published.status).toBe(200)
    const body = (await published.json()) as VersionBody
    expect(body.status).toBe('published')
    expect(body.history.map((entry) => [entry.action, entry.to, entry.email])).toEqual([
      ['create', 'draft', 'marketing@example.com'],
      ['submit', 'in_review', 'marketing@example.com'],
      ['approve', 'in_review', 'marketing@example.com'],
      ['approve', 'approved', 'sales@example.com'],
      ['publish', 'published', 'sales@example.com'],
    ])
    expect(body.history.at(-1)!.note).toBe('go live')
  })

  it('does not let one person approve for both marketing and sales', async () => {
    await inReview('same-person')
    expect((await act('both', 'same-person', 'approve', { role: 'marketing' })).status).toBe(200)
    const res = await act('both', 'same-person', 'approve', { role: 'sales' })
    expect(res.status).toBe(403)
    expect((await errorOf(res)).message).toContain('different person')
  })

  it('asks a person holding both roles which side they sign for', async () => {
    await inReview('which-side')
    const res = await act('both', 'which-side', 'approve')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('role_required')
  })

  it('refuses a second approval for the same side with 409', async () => {
    await inReview('twice')
    await act('marketing', 'twice', 'approve')
    const res = await act('marketing2', 'twice', 'approve')
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('already_approved')
  })

  it('does not let an admin or a viewer approve (403)', async () => {
    await inReview('no-admin')
    expect((await act('admin', 'no-admin', 'approve')).status).toBe(403)
    expect((await act('viewer', 'no-admin', 'approve')).status).toBe(403)
  })

  it('refuses to publish before both sides approved (409)', async () => {
    await inReview('half')
    await act('marketing', 'half', 'approve')
    const res = await act('sales', 'half', 'publish')
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('invalid_transition')
  })

  it('withdraws approvals when the content is edited after reopening', async () => {
    await inReview('withdrawn')
    await act('marketing', 'withdrawn', 'approve')
    await act('sales', 'withdrawn', 'approve')
    const reopened = (await (
      await act('sales', 'withdrawn', 'reopen', { note: 'one more change' })
    ).json()) as VersionBody
    expect(reopened.status).toBe('draft')
    expect(reopened.signOff.complete).toBe(true)
    const edited = await h.request(
      'sales',
      'PUT',
      path('withdrawn'),
      smallRuleset('withdrawn', 75),
      { 'if-match': reopened.etag },
    )
    expect(edited.status).toBe(200)
    const body = (await edited.json()) as VersionBody
    expect(body.approvals).toEqual([])
    expect(body.signOff).toEqual({ marketing: false, sales: false, complete: false })
    expect(body.history.at(-1)).toMatchObject({
      action: 'withdraw',
      note: 'content changed: marketing and sales approval withdrawn',
    })
    const resubmitted = (await (await act('sales', 'withdrawn', 'submit')).json()) as VersionBody
    expect(resubmitted.status).toBe('in_review')
    expect((await act('sales', 'withdrawn', 'publish')).status).toBe(409)
  })

  it('keeps approvals when a reopened version is submitted again unchanged', async () => {
    await inReview('unchanged')
    await act('marketing', 'unchanged', 'approve')
    await act('sales', 'unchanged', 'approve')
    await act('sales', 'unchanged', 'reopen')
    const resubmitted = (await (await act('sales', 'unchanged', 'submit')).json()) as VersionBody
    expect(resubmitted.status).toBe('approved')
  })

  it('archives the previously published version when a new one is published', async () => {
    const draft = (await (
      await h.request('marketing', 'POST', '/api/rulesets/b2b-inbound/versions', {
        changeNote: 'v2',
      })
    ).json()) as VersionBody
    await act('marketing', 'b2b-inbound', 'submit', {}, draft.version)
    await act('marketing', 'b2b-inbound', 'approve', {}, draft.version)
    await act('sales', 'b2b-inbound', 'approve', {}, draft.version)
    expect((await act('marketing', 'b2b-inbound', 'publish', {}, draft.version)).status).toBe(200)
    const list = (await (
      await h.request('viewer', 'GET', '/api/rulesets/b2b-inbound/versions')
    ).json()) as { versions: { version: number; status: string }[] }
    expect(list.versions.map((version) => [version.version, version.status])).toEqual([
      [1, 'archived'],
      [draft.version, 'published'],
    ])
  })

  it('publishes exactly one of two approved versions published at once', async () => {
    await h.request('marketing', 'POST', '/api/rulesets', smallRuleset('race'))
    await h.request('marketing', 'POST', '/api/rulesets/race/versions', {})
    for (const version of [1, 2]) {
      await act('marketing', 'race', 'submit', {}, version)
      await act('marketing', 'race', 'approve', {}, version)
      await act('sales', 'race', 'approve', {}, version)
    }
    const results = await Promise.all([
      act('sales', 'race', 'publish', {}, 1),
      act('sales2', 'race', 'publish', {}, 2),
    ])
    const list = (await (
      await h.request('viewer', 'GET', '/api/rulesets/race/versions')
    ).json()) as { versions: { status: string }[] }
    expect(list.versions.filter((version) => version.status === 'published')).toHaveLength(1)
    const statuses = results.map((res) => res.status).sort()
    if (statuses[1] === 409) {
      // Both read "nothing published" before either wrote: the second write is refused.
      expect(statuses).toEqual([200, 409])
    } else {
      // The second read what the first had just published (PostgreSQL's round trips make this
      // the usual order there): it published over it, archiving it.
      expect(statuses).toEqual([200, 200])
      expect(list.versions.map((version) => version.status).sort()).toEqual([
        'archived',
        'published',
      ])
    }
  })

  it('refuses every transition on an archived version (409)', async () => {
    await inReview('retired')
    expect((await act('admin', 'retired', 'archive', { note: 'abandoned' })).status).toBe(200)
    for (const action of ['submit', 'approve', 'reopen', 'publish', 'archive']) {
      const res = await act('marketing', 'retired', action)
      expect([action, res.status]).toEqual([action, 409])
    }
  })

  it('honours If-Match on a transition: a stale ETag is a 409', async () => {
    const review = await inReview('stale-approve')
    await act('marketing', 'stale-approve', 'approve')
    const res = await h.request(
      'sales',
      'POST',
      `${path('stale-approve')}/approve`,
      {},
      { 'if-match': review.etag },
    )
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('stale_version')
  })
})
