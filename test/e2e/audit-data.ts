import { request, type APIRequestContext } from '@playwright/test'
import { baseUrl } from './editor-page.ts'
import { people } from './people.ts'

/** Leads the audit flows look for, decided by the shipped b2b-inbound ruleset (v1). */
export const auditLeads = [
  {
    // 30 seats is under v1's floor of 50: rejected though it scores 75. v2 lowers the floor.
    id: 'E2E-REJ-1',
    contact: { title: 'Director of Operations', email: 'dana@keen-small.com' },
    company: { name: 'Keen Small Co', employees: 30, country: 'US', industry: 'finance' },
    bant: { budget: 50000, authority: 'decision-maker', need: 'confirmed', timelineMonths: 3 },
    technology: { installed: ['salesforce'] },
  },
  {
    id: 'E2E-ACC-1',
    contact: { title: 'VP Finance', email: 'vp@bigbank.com' },
    company: { name: 'Big Bank', employees: 800, country: 'GB', industry: 'finance' },
    bant: { budget: 90000, authority: 'decision-maker', need: 'likely', timelineMonths: 2 },
  },
  {
    id: 'E2E-NUR-1',
    contact: { title: 'Operations Manager', email: 'ops@shopco.com' },
    company: { name: 'Shop Co', employees: 300, country: 'US', industry: 'retail' },
  },
  {
    id: 'E2E-REJ-2',
    contact: { title: 'Intern', email: 'intern@clinic.org' },
    company: { name: 'Clinic', employees: 10, country: 'DE', industry: 'healthcare' },
    bant: { budget: 15000 },
  },
]

const asJson = { 'content-type': 'application/json' }

/** Signs a person in on a fresh API context (the session cookie stays in it). */
export async function apiAs(person: { email: string; password: string }) {
  const api = await request.newContext({ baseURL: baseUrl() })
  const login = await api.post('/api/auth/login', {
    headers: asJson,
    data: { email: person.email, password: person.password },
  })
  if (login.status() !== 200) throw new Error(`sign-in failed: ${await login.text()}`)
  return api
}

/** Logs every audit lead through the CRM key, as a CRM would. */
export async function decideAuditLeads() {
  const api = await request.newContext({ baseURL: baseUrl() })
  for (const lead of auditLeads) {
    const response = await api.post('/api/evaluate', {
      headers: { ...asJson, authorization: `Bearer ${process.env.LEADGATE_E2E_KEY}` },
      data: { ruleset: 'b2b-inbound', lead },
    })
    if (response.status() !== 200) throw new Error(`evaluate failed: ${await response.text()}`)
  }
  await api.dispose()
}

/** Logs `count` bare leads on the x-education ruleset in one batch call, for paging. */
export async function decideManyLeads(count: number) {
  const api = await request.newContext({ baseURL: baseUrl() })
  const lines = Array.from({ length: count }, (_, at) =>
    JSON.stringify({ id: `E2E-MANY-${String(at + 1).padStart(3, '0')}` }),
  )
  const response = await api.post('/api/evaluate/batch?ruleset=x-education', {
    headers: {
      'content-type': 'application/x-ndjson',
      authorization: `Bearer ${process.env.LEADGATE_E2E_KEY}`,
    },
    data: `${lines.join('\n')}\n`,
  })
  if (response.status() !== 200) throw new Error(`batch failed: ${await response.text()}`)
  await api.dispose()
}

/** Marketing drafts b2b-inbound v2 with the employee floor lowered from 50 to 20. */
export async function draftLowerFloor(): Promise<number> {
  const api: APIRequestContext = await apiAs(people.marketing)
  const created = await api.post('/api/rulesets/b2b-inbound/versions', {
    headers: asJson,
    data: { from: 1 },
  })
  const view = (await created.json()) as {
    version: number
    etag: string
    ruleset: { rules: { id: string; name: string; when: unknown }[] }
  }
  if (created.status() !== 201) throw new Error(`new draft failed: ${JSON.stringify(view)}`)
  const ruleset = {
    ...view.ruleset,
    changeNote: 'Lower the employee floor to 20',
    rules: view.ruleset.rules.map((rule) =>
      rule.id === 'min-employees'
        ? {
            ...rule,
            name: 'At least 20 employees',
            when: {
              all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 20 }],
            },
          }
        : rule,
    ),
  }
  const saved = await api.put(`/api/rulesets/b2b-inbound/versions/${view.version}`, {
    headers: { ...asJson, 'if-match': view.etag },
    data: ruleset,
  })
  if (saved.status() !== 200) throw new Error(`saving the draft failed: ${await saved.text()}`)
  await api.dispose()
  return view.version
}
