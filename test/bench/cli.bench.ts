/**
 * `npm run bench:cli`: 100,000 generated leads as CSV through `leadgate evaluate` with the
 * b2b-inbound ruleset to NDJSON, as a user runs it (a separate process, start-up included),
 * with its default threading (three times; the RESULT is their median), with a worker per
 * core, and in one thread. The peer is the engine alone in this process (same leads, already
 * parsed and mapped, decisions serialised but not written), so the ratio shows what reading,
 * mapping and writing cost.
 * Prints as its last line: RESULT cli leads=100000 leads_per_s=<n> peak_rss_mb=<n>
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import {
  catalogFor,
  compileMapping,
  compileRuleset,
  mappingFromHeader,
  parseRuleset,
} from '../../engine/index.ts'
import { writeLeadsCsv } from './generate-leads.ts'

const LEADS = 100_000
const folder = mkdtempSync(join(tmpdir(), 'leadgate-bench-'))
const leadsFile = join(folder, 'leads.csv')
const rulesetFile = 'rulesets/b2b-inbound.json'

interface Run {
  label: string
  seconds: number
  peakRssMb: number
  lines: number
}

/** Runs the CLI and samples its peak resident memory (VmHWM) from /proc while it runs. */
async function runCli(label: string, extra: string[]): Promise<Run> {
  const out = join(folder, `${label}.ndjson`)
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['bin/leadgate.js', 'evaluate', '-r', rulesetFile, '-i', leadsFile, '-o', out, '-q', ...extra],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
  let peakKb = 0
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const match = /VmHWM:\s+(\d+) kB/.exec(status)
      if (match) peakKb = Math.max(peakKb, Number(match[1]))
    } catch {
      // The process has just exited; the last sample stands.
    }
  }
  const timer = setInterval(sample, 20)
  const code = await new Promise<number | null>((resolve) =>
    child.on('exit', (status) => resolve(status)),
  )
  clearInterval(timer)
  const seconds = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`${label}: leadgate exited with ${code}`)
  const lines = readFileSync(out, 'utf8').split('\n').length - 1
  // Removed at once, its pages are dropped instead of written back to disk during the next
  // run (which made the second of two identical runs ~25% slower).
  rmSync(out)
  if (lines !== LEADS) throw new Error(`${label}: ${lines} decisions written, expected ${LEADS}`)
  return { label, seconds, peakRssMb: Math.round(peakKb / 1024), lines }
}

/** The engine alone: map and evaluate the parsed rows, serialise each decision. */
function enginePeer(): number {
  const ruleset = parseRuleset(JSON.parse(readFileSync(rulesetFile, 'utf8')))
  const compiled = compileRuleset(ruleset)
  const [header, ...rows] = parse(readFileSync(leadsFile)) as string[][]
  const map = compileMapping(mappingFromHeader(header!, catalogFor(ruleset)).mapping).forHeader(
    header!,
  )
  const now = new Date()
  let bytes = 0
  const started = performance.now()
  for (const row of rows) {
    bytes += JSON.stringify(compiled.evaluate(map(row).lead, { trace: 'none', now })).length
  }
  const seconds = (performance.now() - started) / 1000
  if (bytes === 0) throw new Error('no output')
  return LEADS / seconds
}

try {
  await writeLeadsCsv(leadsFile, LEADS)
  const loadBefore = loadavg()[0]!
  // The default three times, between the others: the host's speed changes from minute to
  // minute, and the median of three moves much less than one run.
  const defaults = [await runCli('default', [])]
  const workers = await runCli('workers', ['--workers', String(availableParallelism())])
  defaults.push(await runCli('default', []))
  const single = await runCli('one-thread', ['--workers', '0'])
  defaults.push(await runCli('default', []))
  const peer = enginePeer()
  const rate = (run: Run) => Math.round(LEADS / run.seconds)
  const chosen = [...defaults].sort((a, b) => a.seconds - b.seconds)[1]!
  const peakRssMb = Math.max(...defaults.map((run) => run.peakRssMb))
  console.log(
    `leads: ${LEADS} (CSV, ${Math.round(readFileSync(leadsFile).length / 1e6)} MB), cores: ${availableParallelism()}`,
  )
  for (const run of [...defaults, workers, single]) {
    console.log(
      `cli ${run.label.padEnd(10)} ${run.seconds.toFixed(2)} s  ${rate(run)} leads/s  peak RSS ${run.peakRssMb} MB  ratio to engine alone ${(rate(run) / peer).toFixed(2)}`,
    )
  }
  console.log(`engine alone (in process, no I/O)  ${Math.round(peer)} leads/s`)
  console.log(`workers / one thread: ${(rate(workers) / rate(single)).toFixed(2)}`)
  // Other work on the machine slows every figure alike; the load says how busy it was.
  console.log(
    `load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`,
  )
  // The default (a worker per core, up to 8, that parse the file themselves) is what a user gets.
  console.log(
    `default run started at load ${loadBefore.toFixed(2)}; by default the CLI starts a worker per core (up to 8) on 2 cores or more`,
  )
  console.log(
    `default: median of ${defaults.length} runs ${rate(chosen)} leads/s (${defaults.map(rate).join(', ')}), highest peak RSS ${peakRssMb} MB`,
  )
  console.log(`RESULT cli leads=${LEADS} leads_per_s=${rate(chosen)} peak_rss_mb=${peakRssMb}`)
} finally {
  rmSync(folder, { recursive: true, force: true })
}
