/**
 * `npm run bench:server`: requests per second of POST /api/evaluate (durable decision log,
 * default trace, then trace "full") against a bare Hono route, 50 connections, ~10 s each.
 * Prints `RESULT server ratio=… evaluate_rps=… bare_rps=… p99_ms=… full_ratio=…` last.
 */
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 50
const password = 'bench-password-0123'

function start(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolveStart, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/[^\s]+)/.exec(output)
      if (match) resolveStart({ child, url: match[1]!.replace('localhost', '127.0.0.1') })
    })
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)))
  })
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    autocannon({ connections, duration: seconds, ...options }, (error, result) =>
      error ? reject(error) : resolveRun(result),
    )
  })
}

async function apiKey(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@leadgate.local', password }),
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const created = await fetch(`${url}/api/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'bench', scope: 'evaluate' }),
  })
  return ((await created.json()) as { key: string }).key
}

const ruleset = JSON.parse(readFileSync(join(root, 'rulesets/b2b-inbound.json'), 'utf8')) as {
  testLeads: { lead: Record<string, unknown> }[]
}
const bodies = (trace?: string) =>
  ruleset.testLeads.map(({ lead }) =>
    JSON.stringify({ ruleset: 'b2b-inbound', lead, ...(trace ? { trace } : {}) }),
  )

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-bench-'))
const children: ChildProcess[] = []
try {
  const bare = await start('test/bench/bare-server.ts', {})
  children.push(bare.child)
  const server = await start('server/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    LEADGATE_DATA_DIR: dataDir,
    LEADGATE_ADMIN_EMAIL: 'bench@leadgate.local',
    LEADGATE_ADMIN_PASSWORD: password,
    LEADGATE_ACCESS_LOG: 'off',
  })
  children.push(server.child)
  const key = await apiKey(server.url)

  const evaluate = (trace?: string) => {
    const list = bodies(trace)
    let next = 0
    return load({
      url: `${server.url}/api/evaluate`,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          setupRequest: (request) => ({ ...request, body: list[next++ % list.length] }),
        },
      ],
    })
  }

  const bareResult = await load({ url: bare.url })
  const evaluateResult = await evaluate()
  const fullResult = await evaluate('full')
  for (const [name, result] of [
    ['bare', bareResult],
    ['evaluate', evaluateResult],
    ['evaluate full', fullResult],
  ] as const) {
    console.log(
      `${name.padEnd(14)} ${Math.round(result.requests.average)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`,
    )
  }
  const bareRps = bareResult.requests.average
  const evaluateRps = evaluateResult.requests.average
  console.log(
    `RESULT server ratio=${(evaluateRps / bareRps).toFixed(2)} evaluate_rps=${Math.round(evaluateRps)} bare_rps=${Math.round(bareRps)} p99_ms=${evaluateResult.latency.p99} full_ratio=${(fullResult.requests.average / bareRps).toFixed(2)}`,
  )
} finally {
  for (const child of children) child.kill('SIGTERM')
  await new Promise((done) => setTimeout(done, 500))
  rmSync(dataDir, { recursive: true, force: true })
}
