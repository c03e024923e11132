import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskContact } from '../../server/audit/contact-masking.ts'
import { openHarness, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

describe('maskContact', () => {
  it('keeps an email’s first letter and domain', () => {
    expect(maskContact('contact.email', 'dana@northwind-mfg.com')).toBe('d***@northwind-mfg.com')
  })

  it('keeps a phone’s last two digits and a name’s first letter', () => {
    expect(maskContact('contact.phone', '+1 (555) 010-4477')).toBe('***77')
    expect(maskContact('contact.lastName', 'Okafor')).toBe('O***')
  })
})

describe('LEADGATE_MASK_CONTACT=1', () => {
  let h: Harness
  let decisionId: string
  beforeAll(async () => {
    h = await openHarness({ maskContact: true })
    const lead = {
      ...leads['T-1'],
      contact: { ...(leads['T-1']!.contact as object), phone: '555-0100', firstName: 'Dana' },
    }
    const res = await h.request('key', 'POST', '/api/evaluate', { ruleset: 'b2b-inbound', lead })
    decisionId = ((await res.json()) as { decisionId: string }).decisionId
  })
  afterAll(() => h.close())

  it('logs the lead with contact fields masked', async () => {
    const stored = (await (
      await h.request('viewer', 'GET', `/api/decisions/${decisionId}`)
    ).json()) as {
      lead: { contact: Record<string, string> }
    }
    expect(stored.lead.contact.email).toBe('d***@northwind-mfg.com')
    expect(stored.lead.contact.phone).toBe('***00')
    expect(stored.lead.contact.firstName).toBe('D***')
  })

  it('exports and searches only the masked email', async () => {
    const csv = await (await h.request('viewer', 'GET', '/api/decisions/export.csv')).text()
    expect(csv).toContain('d***@northwind-mfg.com')
    expect(csv).not.toContain('dana@')
    const page = (await (
      await h.request('viewer', 'GET', '/api/decisions?email=dana@northwind-mfg.com')
    ).json()) as { items: unknown[] }
    expect(page.items).toHaveLength(0)
  })
})
