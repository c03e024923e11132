import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { draftEmployeeFloor } from './employee-floor-draft.ts'
import { errorOf, openHarness, repoRoot, type Harness } from './harness.ts'
import { leads } from './fixtures.ts'

interface Simulation {
  comparedWith: string
  leads: number
  before: Record<string, number>
  after: Record<string, number>
  flipped: { leadId: string; from: string; to: string; ruleId: string }[]
  warnings: string[]
}
interface LineIssue {
  line: number
  path: string
  message: string
}

const salesforce = (
  JSON.parse(
    readFileSync(join(repoRoot, '../shared/data/salesforce-sample-leads/Lead.json'), 'utf8'),
  ) as { records: Record<string, unknown>[] }
).records
const salesforceNdjson = salesforce.map((record) => JSON.stringify(record)).join('\n') + '\n'
/** The same records as a CRM CSV export: Id from the reference, one column per field. */
const salesforceCsv = (() => {
  const columns = [...new Set(salesforce.flatMap((record) => Object.keys(record)))].filter(
    (column) => column !== 'attributes',
  )
  const rows = salesforce.map((record) => [
    (record.attributes as { referenceId: string }).referenceId,
    ...columns.map((column) => (record[column] === undefined ? '' : String(record[column]))),
  ])
  return stringify([['Id', ...columns], ...rows])
})()

let h: Harness
const upload = (body: string | Uint8Array<ArrayBuffer>, type: string, query = '', version = 1) =>
  h.app.request(`/api/rulesets/b2b-inbound/versions/${version}/simulate${query}`, {
    method: 'POST',
    headers: { cookie: h.cookies.viewer, 'content-type': type },
    body,
  })
const simulation = async (res: Response) => {
  expect(res.status).toBe(200)
  return (await res.json()) as Simulation
}

beforeAll(async () => {
  h = await openHarness()
  // Draft 2: at least 1,500 employees; T-1 (1,200) and T-3 (800) fall below.
  await draftEmployeeFloor(h, 1500)
})
afterAll(() => h.close())

describe('simulate with an NDJSON upload', () => {
  it('decides the 22 Salesforce sample leads through ?mapping=salesforce', async () => {
    const sim = await simulation(
      await upload(salesforceNdjson, 'application/x-ndjson', '?mapping=salesforce'),
    )
    expect(sim.comparedWith).toBe('published')
    expect(sim.leads).toBe(22)
    expect(sim.before).toEqual({ accepted: 0, nurture: 20, rejected: 2 })
    expect(sim.after).toEqual({ accepted: 0, nurture: 20, rejected: 2 })
  })

  it('takes lead objects as they are without a mapping, and shows the flips of a draft', async () => {
    const body = ['T-1', 'T-2', 'T-3', 'T-4'].map((id) => JSON.stringify(leads[id])).join('\r\n')
    const sim = await simulation(await upload(body, 'application/x-ndjson', '', 2))
    expect(sim.leads).toBe(4)
    expect(sim.before).toEqual({ accepted: 1, nurture: 1, rejected: 2 })
    expect(sim.after).toEqual({ accepted: 0, nurture: 0, rejected: 4 })
    expect(sim.flipped).toEqual([
      { leadId: 'T-1', from: 'accepted', to: 'rejected', ruleId: 'min-employees' },
      { leadId: 'T-3', from: 'nurture', to: 'rejected', ruleId: 'min-employees' },
    ])
  })

  it('accepts application/ndjson and skips blank lines', async () => {
    const body = `\n${JSON.stringify(leads['T-1'])}\n\n${JSON.stringify(leads['T-2'])}\n\n`
    const sim = await simulation(await upload(body, 'application/ndjson'))
    expect(sim.leads).toBe(2)
  })

  it('answers a line that is not JSON with 400 naming the line', async () => {
    const body = `${JSON.stringify(leads['T-1'])}\n{"id": "L-2",\n${JSON.stringify(leads['T-2'])}\n`
    const res = await upload(body, 'application/x-ndjson')
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_upload')
    const details = error.details as { issues: LineIssue[]; count: number }
    expect(details.count).toBe(1)
    expect(details.issues[0]).toMatchObject({ line: 2, path: 'line 2' })
    expect(details.issues[0]!.message).toMatch(/^not JSON: /)
  })

  it('answers lines that cannot be leads with 422 naming each line', async () => {
    const body = [
      JSON.stringify(leads['T-1']),
      '[1, 2]',
      '{"id": {"nested": true}}',
      '{"id": "L-4", "company": {"__proto__": {"admin": true}}}',
    ].join('\n')
    const res = await upload(body, 'application/x-ndjson')
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_leads')
    const { issues } = error.details as { issues: LineIssue[] }
    expect(issues.map((entry) => entry.line)).toEqual([2, 3, 4])
    expect(issues[0]!.message).toBe('a lead must be a JSON object, found a list')
    expect(issues[2]!.message).toBe('the key "__proto__" is not allowed')
  })

  it('answers an upload without leads with 400 no_leads', async () => {
    const res = await upload('\n\n', 'application/x-ndjson')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('no_leads')
  })

  it('answers bytes that are not UTF-8 with 400', async () => {
    const res = await upload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'application/x-ndjson')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_utf8')
  })

  it('refuses an upload larger than 32 MB with 413 before reading it all', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const res = await h.app.request('/api/rulesets/b2b-inbound/versions/1/simulate', {
      method: 'POST',
      headers: { cookie: h.cookies.viewer, 'content-type': 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await errorOf(res)).toMatchObject({
      code: 'payload_too_large',
      details: { limit: 32 * 1024 * 1024 },
    })
    expect(sent).toBeLessThan(40)
  })
})

describe('simulate with a CSV upload', () => {
  it('decides the Salesforce sample as a CRM CSV export through ?mapping=salesforce', async () => {
    const sim = await simulation(await upload(salesforceCsv, 'text/csv', '?mapping=salesforce'))
    expect(sim.leads).toBe(22)
    expect(sim.before).toEqual({ accepted: 0, nurture: 20, rejected: 2 })
  })

  it('reads columns named after lead facts without a mapping (BOM, CRLF, quotes)', async () => {
    const csv =
      '\uFEFFid,company.employees,company.industry,contact.title\r\n' +
      'C-1,"1,200",manufacturing,"Director, IT Operations"\r\n' +
      'C-2,12,manufacturing,Intern\r\n'
    const sim = await simulation(await upload(csv, 'text/csv; charset=utf-8', '', 2))
    expect(sim.leads).toBe(2)
    expect(sim.before).toEqual({ accepted: 0, nurture: 1, rejected: 1 })
    expect(sim.after).toEqual({ accepted: 0, nurture: 0, rejected: 2 })
    expect(sim.flipped).toEqual([
      { leadId: 'C-1', from: 'nurture', to: 'rejected', ruleId: 'min-employees' },
    ])
  })

  it('warns about values that could not be read, by column and line', async () => {
    const csv = 'id,company.employees\nC-1,1200\nC-2,lots\n'
    const sim = await simulation(await upload(csv, 'text/csv'))
    expect(sim.warnings).toEqual([
      'column company.employees: 1 value could not be read as company.employees (line 3); left unknown',
    ])
  })

  it('answers a header without lead facts (and no mapping) with 422 on line 1', async () => {
    const res = await upload('Name,Employees\nAcme,12\n', 'text/csv')
    expect(res.status).toBe(422)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_leads')
    expect((error.details as { issues: LineIssue[] }).issues).toEqual([
      {
        line: 1,
        path: 'line 1',
        message:
          'no column names a lead fact (such as "company.employees"); add ?mapping=salesforce or ?mapping=hubspot',
      },
    ])
  })

  it('answers broken CSV quoting with 400 naming the line', async () => {
    const res = await upload('id,company.employees\nC-1,12\nC-2,"12\n', 'text/csv')
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_upload')
    expect((error.details as { issues: LineIssue[] }).issues[0]!.line).toBe(3)
  })

  it('answers a header row only with 400 no_leads', async () => {
    const res = await upload('id,company.employees\n', 'text/csv')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('no_leads')
  })
})

describe('simulate upload options', () => {
  it('answers a mapping that does not exist with 400 naming it', async () => {
    const res = await upload(salesforceNdjson, 'application/x-ndjson', '?mapping=pipedrive')
    expect(res.status).toBe(400)
    expect((await errorOf(res)).details).toMatchObject({ issues: [{ path: 'mapping' }] })
  })

  it('answers a mapping with a JSON body with 400', async () => {
    const res = await h.request(
      'viewer',
      'POST',
      '/api/rulesets/b2b-inbound/versions/1/simulate?mapping=salesforce',
      { leads: [leads['T-1']] },
    )
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('mapping_needs_upload')
  })

  it('answers another content type with 415', async () => {
    const res = await upload('<leads/>', 'application/xml')
    expect(res.status).toBe(415)
  })

  it('answers an upload for a version that does not exist with 404', async () => {
    const res = await upload(salesforceNdjson, 'application/x-ndjson', '', 9)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('version_not_found')
  })

  it('refuses anonymous uploads with 401', async () => {
    const res = await h.app.request('/api/rulesets/b2b-inbound/versions/1/simulate', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'id,company.employees\nC-1,12\n',
    })
    expect(res.status).toBe(401)
  })
})
