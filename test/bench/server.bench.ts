/**
 * `npm run bench:server`: requests per second of POST /api/evaluate (durable decision log,
 * default trace, then trace "full") against a bare Hono route, 50 connections, ~10 s each.
 * Also loads a floor (test/bench/floor-server.ts: a bare Hono route that only decides and
 * answers, no key check, validation or log), the most /api/evaluate could serve here.
 * Prints `RESULT server ratio=… evaluate_rps=… bare_rps=… p99_ms=… full_ratio=…` last.
 * `npm run bench:server -- --postgres`: the same with the PostgreSQL store.
 */
import autocannon from 'autocannon'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createTestDatabase } from '../store/store-factories.ts'

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

/** CPU seconds a child process used so far (Linux /proc; 0 elsewhere). */
function cpuSeconds(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

/** Runs a load and measures the server's CPU per request: a figure other load on the machine barely moves. */
async function measured(child: ChildProcess, run: () => Promise<autocannon.Result>) {
  const before = cpuSeconds(child)
  const result = await run()
  const cpuUs = ((cpuSeconds(child) - before) * 1e6) / Math.max(result.requests.total, 1)
  return { result, cpuUs }
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

// `--postgres` (or BENCH_STORE=postgres): the server keeps everything in a fresh PostgreSQL
// database on the test server (scripts/ci-postgres.sh starts one when none is configured).
const postgres = process.argv.includes('--postgres') || process.env.BENCH_STORE === 'postgres'
if (postgres && !process.env.LEADGATE_TEST_DATABASE_URL) {
  process.env.LEADGATE_TEST_DATABASE_URL = execFileSync(
    'bash',
    [join(root, 'scripts/ci-postgres.sh')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).trim()
}
const database = postgres ? await createTestDatabase() : undefined
console.log(`store: ${database ? 'PostgreSQL' : 'embedded (lowdb + NDJSON)'}`)

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-bench-'))
const children: ChildProcess[] = []
try {
  const bare = await start('test/bench/bare-server.ts', {})
  children.push(bare.child)
  const floor = await start('test/bench/floor-server.ts', {})
  children.push(floor.child)
  const server = await start('server/main.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    LEADGATE_DATA_DIR: dataDir,
    ...(database ? { LEADGATE_DATABASE_URL: database.url } : {}),
    LEADGATE_ADMIN_EMAIL: 'bench@leadgate.local',
    LEADGATE_ADMIN_PASSWORD: password,
    LEADGATE_ACCESS_LOG: 'off',
  })
  children.push(server.child)
  const key = await apiKey(server.url)

  const evaluate = (trace?: string, duration = seconds) => {
    const list = bodies(trace)
    let next = 0
    return load({
      duration,
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

  // Warm up the JIT on both paths before measuring.
  await load({ url: bare.url, duration: 1 })
  await evaluate(undefined, 2)
  // Half as long as the others: the whole benchmark stays within a minute.
  const floorLoad = (duration = Math.max(2, seconds / 2)) => {
    const list = bodies()
    let next = 0
    return load({
      duration,
      url: floor.url,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: list[next++ % list.length] }),
        },
      ],
    })
  }
  await floorLoad(1)
  const bareRun = await measured(bare.child, () => load({ url: bare.url }))
  const floorRun = await measured(floor.child, floorLoad)
  const evaluateRun = await measured(server.child, () => evaluate())
  const fullRun = await measured(server.child, () => evaluate('full'))
  const bareResult = bareRun.result
  const evaluateResult = evaluateRun.result
  const fullResult = fullRun.result
  for (const [name, { result, cpuUs }] of [
    ['bare', bareRun],
    ['floor', floorRun],
    ['evaluate', evaluateRun],
    ['evaluate full', fullRun],
  ] as const) {
    console.log(
      `${name.padEnd(14)} ${Math.round(result.requests.average)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  server CPU ${Math.round(cpuUs)} µs/request  non-2xx ${result.non2xx}  errors ${result.errors}`,
    )
  }
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(
        ' ',
      )} on ${cpus().length} cores; CPU ratio (bare µs ÷ evaluate µs) ${(bareRun.cpuUs / evaluateRun.cpuUs).toFixed(2)}`,
  )
  const bareRps = bareResult.requests.average
  const evaluateRps = evaluateResult.requests.average
  const floorRps = floorRun.result.requests.average
  // What deciding and answering alone allow: no evaluate that also checks the key, validates
  // and logs can pass it, so a ratio above this floor's cannot be reached on this machine.
  console.log(
    `floor ratio ${(floorRps / bareRps).toFixed(2)} (bare route that only decides and answers); evaluate reaches ${(evaluateRps / floorRps).toFixed(2)} of the floor`,
  )
  console.log(
    `RESULT server${database ? '-postgres' : ''} ratio=${(evaluateRps / bareRps).toFixed(2)} evaluate_rps=${Math.round(evaluateRps)} bare_rps=${Math.round(bareRps)} p99_ms=${evaluateResult.latency.p99} full_ratio=${(fullResult.requests.average / bareRps).toFixed(2)}`,
  )
} finally {
  for (const child of children) child.kill('SIGTERM')
  await new Promise((done) => setTimeout(done, 500))
  rmSync(dataDir, { recursive: true, force: true })
  await database?.drop()
}
