import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leads, smallRuleset } from '../server/fixtures.ts'
import {
  killServer,
  signInAdmin,
  startServerProcess,
  type ServerProcess,
} from './server-process.ts'

/** Short, so the slow-loris tests are quick; the defaults are 10 s and 5 min. */
const HEADERS_TIMEOUT_MS = 600
const REQUEST_TIMEOUT_MS = 1200

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-hostile-'))
let server: ServerProcess
let url = ''
let cookie = ''
let key = ''
let userId = ''
let decisionId = ''

beforeAll(async () => {
  server = await startServerProcess(dataDir, {
    LEADGATE_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    LEADGATE_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  })
  url = server.url
  cookie = await signInAdmin(url)
  const post = (path: string, body: unknown, auth: Record<string, string> = { cookie }) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    }).then((res) => res.json() as Promise<Record<string, string>>)
  key = (await post('/api/keys', { name: 'hostile' })).key!
  userId = (
    await post('/api/users', {
      email: 'viewer@example.com',
      name: 'Viewer',
      password: 'a-long-password',
      roles: ['viewer'],
    })
  ).id!
  await post('/api/rulesets', smallRuleset('hostile'))
  decisionId = (
    await post(
      '/api/evaluate',
      { ruleset: 'b2b-inbound', lead: leads['T-1'] },
      { authorization: `Bearer ${key}` },
    )
  ).decisionId!
}, 30_000)
afterAll(async () => {
  await killServer(server, 'SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

/** A fingerprint of every file in the data folder: what "nothing written" compares. */
function dataFingerprint(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else hash.update(path).update(readFileSync(path))
    }
  }
  walk(dataDir)
  return hash.digest('hex')
}

interface Answer {
  status: number
  code: string | undefined
  body: unknown
}

async function send(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const init: RequestInit = { method, headers: { cookie, ...headers } }
  if (body !== undefined) init.body = typeof body === 'string' ? body : new Uint8Array(body)
  const res = await fetch(`${url}${path}`, init)
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // kept as text: the assertion on `code` shows what came back
  }
  const code = (parsed as { error?: { code?: string } } | null)?.error?.code
  return { status: res.status, code, body: parsed }
}

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
const withKey = (name: string) => `{"ruleset":"b2b-inbound","lead":{"company":{"${name}":{"x":1}}}}`

/** Every route that reads a JSON body, with ids that exist. */
const bodyRoutes = (): [string, string][] => [
  ['POST', '/api/auth/login'],
  ['POST', '/api/users'],
  ['PATCH', `/api/users/${userId}`],
  ['POST', '/api/keys'],
  ['POST', '/api/rulesets'],
  ['POST', '/api/rulesets/hostile/versions'],
  ['PUT', '/api/rulesets/hostile/versions/1'],
  ['POST', '/api/rulesets/hostile/versions/1/submit'],
  ['POST', '/api/rulesets/hostile/versions/1/approve'],
  ['POST', '/api/rulesets/hostile/versions/1/reopen'],
  ['POST', '/api/rulesets/hostile/versions/1/publish'],
  ['POST', '/api/rulesets/hostile/versions/1/archive'],
  ['POST', '/api/evaluate'],
  ['POST', `/api/decisions/${decisionId}/replay`],
]

/** Bad bodies every JSON route refuses the same way, before any handler runs. */
const badBodies: {
  name: string
  body: () => string | Buffer
  type?: string
  status: number
  code: string
}[] = [
  {
    name: 'malformed JSON',
    body: () => '{"ruleset": "b2b-inbound",',
    status: 400,
    code: 'invalid_json',
  },
  { name: 'NaN literal', body: () => '{"lead":{"score":NaN}}', status: 400, code: 'invalid_json' },
  {
    name: 'a text/plain body',
    body: () => '{}',
    type: 'text/plain',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a form body',
    body: () => 'a=1',
    type: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'a 10 MB body',
    body: () => `{"x":"${'x'.repeat(10 * 1024 * 1024)}"}`,
    status: 413,
    code: 'payload_too_large',
  },
  { name: '10,000-deep nesting', body: () => deep(10_000), status: 400, code: 'too_deep' },
  {
    name: 'a "__proto__" key',
    body: () => withKey('__proto__'),
    status: 400,
    code: 'forbidden_key',
  },
  {
    name: 'a "constructor" key',
    body: () => withKey('constructor'),
    status: 400,
    code: 'forbidden_key',
  },
  {
    name: 'a "prototype" key',
    body: () => withKey('prototype'),
    status: 400,
    code: 'forbidden_key',
  },
  {
    name: 'invalid UTF-8',
    body: () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    status: 400,
    code: 'invalid_utf8',
  },
]

describe('hostile bodies on every JSON route', () => {
  for (const bad of badBodies) {
    it(`answers ${bad.name} with ${bad.status} ${bad.code} on every route, writing nothing`, async () => {
      const before = dataFingerprint()
      const seen: string[] = []
      for (const [method, path] of bodyRoutes()) {
        const answer = await send(method, path, bad.body(), {
          'content-type': bad.type ?? 'application/json',
        })
        seen.push(`${method} ${path} ${answer.status} ${answer.code}`)
        expect(answer.body).toMatchObject({
          error: { code: bad.code, message: expect.any(String) },
        })
        expect((answer.body as { error: object }).error).toHaveProperty('details')
      }
      expect(seen).toEqual(bodyRoutes().map(([m, p]) => `${m} ${p} ${bad.status} ${bad.code}`))
      expect(dataFingerprint()).toBe(before)
      expect((await send('GET', '/api/health', undefined)).status).toBe(200)
    })
  }
})

const evaluateBody = (lead: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ruleset: 'b2b-inbound', lead, ...extra })
const smallWith = (patch: Record<string, unknown>) =>
  JSON.stringify({ ...smallRuleset('hostile'), ...patch })
const unknownOperator = {
  rules: [
    {
      id: 'r',
      name: 'R',
      owner: 'sales',
      kind: 'require',
      when: { all: [{ fact: 'company.employees', operator: 'evalThis', value: 1 }] },
    },
  ],
}

/** Requests that pass the JSON checks but are wrong for their route. */
const refusals: {
  name: string
  method: string
  path: () => string
  body?: string
  headers?: Record<string, string>
  status: number
  code: string
  /** The field the error names, if it names one. */
  field?: string
}[] = [
  {
    name: 'wrong types in an evaluation',
    method: 'POST',
    path: () => '/api/evaluate',
    body: JSON.stringify({ ruleset: 5, lead: [] }),
    status: 400,
    code: 'invalid_request',
    field: 'ruleset',
  },
  {
    name: 'an array as the body',
    method: 'POST',
    path: () => '/api/evaluate',
    body: '[1,2]',
    status: 400,
    code: 'invalid_request',
    field: '',
  },
  {
    name: 'null as the body',
    method: 'POST',
    path: () => '/api/evaluate',
    body: 'null',
    status: 400,
    code: 'invalid_request',
    field: '',
  },
  {
    name: 'a fractional version',
    method: 'POST',
    path: () => '/api/evaluate',
    body: evaluateBody({}, { version: 1.5 }),
    status: 400,
    code: 'invalid_request',
    field: 'version',
  },
  {
    name: 'an unknown trace mode',
    method: 'POST',
    path: () => '/api/evaluate',
    body: evaluateBody({}, { trace: 'everything' }),
    status: 400,
    code: 'invalid_request',
    field: 'trace',
  },
  {
    name: 'Infinity (1e999) in a lead',
    method: 'POST',
    path: () => '/api/evaluate',
    body: '{"ruleset":"b2b-inbound","lead":{"company":{"employees":1e999}}}',
    status: 400,
    code: 'non_finite_number',
  },
  {
    name: '-1e999 in a ruleset',
    method: 'PUT',
    path: () => '/api/rulesets/hostile/versions/1',
    body: smallWith({}).replace('"acceptAt":10', '"acceptAt":-1e999'),
    headers: { 'if-match': '"v1.r1"' },
    status: 400,
    code: 'non_finite_number',
  },
  {
    name: 'a traversal ruleset id in an evaluation',
    method: 'POST',
    path: () => '/api/evaluate',
    body: JSON.stringify({ ruleset: '../../etc/passwd', lead: {} }),
    status: 400,
    code: 'invalid_request',
    field: 'ruleset',
  },
  {
    name: 'an unknown operator',
    method: 'PUT',
    path: () => '/api/rulesets/hostile/versions/1',
    body: smallWith(unknownOperator),
    headers: { 'if-match': '"v1.r1"' },
    status: 422,
    code: 'invalid_ruleset',
    field: 'rules[0].when.all[0].operator',
  },
  {
    name: 'rules that are not a list',
    method: 'PUT',
    path: () => '/api/rulesets/hostile/versions/1',
    body: smallWith({ rules: 'x' }),
    headers: { 'if-match': '"v1.r1"' },
    status: 422,
    code: 'invalid_ruleset',
    field: 'rules',
  },
  {
    name: 'a huge ruleset name (900 kB)',
    method: 'PUT',
    path: () => '/api/rulesets/hostile/versions/1',
    body: smallWith({ name: 'n'.repeat(900_000) }),
    headers: { 'if-match': '"v1.r1"' },
    status: 422,
    code: 'invalid_ruleset',
    field: 'name',
  },
  {
    name: 'a traversal id in a new ruleset',
    method: 'POST',
    path: () => '/api/rulesets',
    body: JSON.stringify({ id: '../x', name: 'X' }),
    status: 422,
    code: 'invalid_ruleset',
    field: 'id',
  },
  {
    name: 'a traversal ruleset id in a path',
    method: 'GET',
    path: () => '/api/rulesets/..%2F..%2Fpackage.json',
    status: 400,
    code: 'invalid_request',
    field: 'id',
  },
  {
    name: 'a traversal version in a path',
    method: 'GET',
    path: () => '/api/rulesets/hostile/versions/..%2F1',
    status: 400,
    code: 'invalid_request',
    field: 'v',
  },
  {
    name: 'a traversal decision id',
    method: 'GET',
    path: () => '/api/decisions/..%2F..%2Fpackage.json',
    status: 400,
    code: 'invalid_request',
    field: 'decisionId',
  },
  {
    name: 'a traversal user id',
    method: 'GET',
    path: () => '/api/users/..%2Fx',
    status: 400,
    code: 'invalid_request',
    field: 'userId',
  },
  {
    name: 'a traversal key id',
    method: 'DELETE',
    path: () => '/api/keys/..%2Fx',
    status: 400,
    code: 'invalid_request',
    field: 'keyId',
  },
  {
    name: 'dot segments out of the API',
    method: 'GET',
    path: () => '/api/rulesets/%2e%2e/%2e%2e/package.json',
    status: 404,
    code: 'route_not_found',
  },
  {
    name: 'dot segments out of the editor',
    method: 'GET',
    path: () => '/assets/%2e%2e/%2e%2e/package.json',
    status: 404,
    code: 'route_not_found',
  },
  {
    name: 'a traversal ruleset in a batch',
    method: 'POST',
    path: () => '/api/evaluate/batch?ruleset=..%2Fx',
    body: '{"id":"a"}\n',
    headers: { 'content-type': 'application/x-ndjson' },
    status: 400,
    code: 'invalid_request',
    field: 'ruleset',
  },
  {
    name: 'a JSON body to the batch route',
    method: 'POST',
    path: () => '/api/evaluate/batch?ruleset=b2b-inbound',
    body: '{"id":"a"}',
    status: 415,
    code: 'unsupported_media_type',
  },
]

describe('hostile values on each route', () => {
  for (const bad of refusals) {
    it(`answers ${bad.name} with ${bad.status} ${bad.code}, writing nothing`, async () => {
      const before = dataFingerprint()
      const answer = await send(bad.method, bad.path(), bad.body, {
        'content-type': 'application/json',
        ...bad.headers,
      })
      expect([answer.status, answer.code]).toEqual([bad.status, bad.code])
      const error = (answer.body as { error: { details: { issues?: { path: string }[] } } }).error
      if (bad.field !== undefined) {
        expect(error.details.issues!.map((issue) => issue.path)).toContain(bad.field)
      }
      expect(dataFingerprint()).toBe(before)
    })
  }

  it('decides a lead with a 900 kB string and one with a 100,000-item list, as any lead', async () => {
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${key}` }
    const huge = await send(
      'POST',
      '/api/evaluate',
      evaluateBody({ id: 'huge', contact: { title: 'x'.repeat(900_000) } }),
      auth,
    )
    const long = await send(
      'POST',
      '/api/evaluate',
      evaluateBody({
        id: 'long',
        technology: { installed: Array.from({ length: 100_000 }, (_, at) => `t${at % 10}`) },
      }),
      auth,
    )
    expect([huge.status, long.status]).toEqual([200, 200])
    expect((huge.body as { outcome: string }).outcome).toBe('nurture')
  })

  it('treats -0 employees as zero employees', async () => {
    const answer = await send(
      'POST',
      '/api/evaluate',
      evaluateBody({ company: { employees: -0 } }),
      {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
      },
    )
    expect(answer.status).toBe(200)
    const decision = answer.body as { outcome: string; reasons: { ruleId: string; text: string }[] }
    expect(decision.outcome).toBe('rejected')
    const employees = decision.reasons.find((reason) => reason.ruleId === 'min-employees')
    expect(employees?.text.startsWith('Company has 0 employees; at least 50 required')).toBe(true)
  })
})

describe('hostile batch lines', () => {
  it('answers each bad line with its own error and decides the good ones around it', async () => {
    const lines = [
      '{"id":"a"}',
      `{"id":"${'x'.repeat(70_000)}"}`,
      '{"id":"b","__proto__":{}}',
      deep(10_000),
      'not json',
      '[1]',
      '{"id":"c","company":{"employees":1e999}}',
      '{"id":"d"}',
    ]
    const res = await fetch(`${url}/api/evaluate/batch?ruleset=b2b-inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
      body: `${lines.join('\n')}\n`,
    })
    expect(res.status).toBe(200)
    const out = (await res.text())
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            line?: number
            decision?: { leadId: string }
            error?: { code: string }
          },
      )
    expect(
      out
        .filter((line) => line.line !== undefined)
        .map((line) => [line.line, line.decision?.leadId ?? line.error?.code]),
    ).toEqual([
      [1, 'a'],
      [2, 'line_too_large'],
      [3, 'forbidden_key'],
      [4, 'too_deep'],
      [5, 'invalid_json'],
      [6, 'invalid_lead'],
      [7, 'non_finite_number'],
      [8, 'd'],
    ])
  })
})

/** Opens a raw socket, writes `chunks` and resolves with what the server answered before closing. */
function rawExchange(
  chunks: string[],
  keepOpenMs: number,
): Promise<{ text: string; closedAfterMs: number }> {
  const { port } = new URL(url)
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = connect(Number(port), '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk)
    })
    let text = ''
    socket.on('data', (data) => (text += data.toString()))
    socket.on('error', reject)
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }))
    // The test's own guard: a server that never hangs up fails the test instead of hanging it.
    setTimeout(() => socket.destroy(), keepOpenMs)
  })
}

describe('slow clients (slow-loris)', () => {
  it('hangs up with 408 on a client that never finishes its headers', async () => {
    const { text, closedAfterMs } = await rawExchange(
      ['GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '],
      REQUEST_TIMEOUT_MS * 4,
    )
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS * 4)
  })

  it('hangs up with 408 on a client that never finishes its body', async () => {
    const { text, closedAfterMs } = await rawExchange(
      [
        `POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"ruleset":`,
      ],
      REQUEST_TIMEOUT_MS * 4,
    )
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS * 4)
  })

  it('still answers other clients after hanging up on slow ones', async () => {
    expect((await send('GET', '/api/health', undefined)).status).toBe(200)
    expect(server.child.exitCode).toBe(null)
  })
})
