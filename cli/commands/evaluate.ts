import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { CliError, ExitCode } from '../exit-codes.ts'
import { csvOptions } from '../evaluate/batch-evaluator.ts'
import { decideRanges } from '../evaluate/range-run.ts'
import { decideRecords } from '../evaluate/record-run.ts'
import { startWorkers, type WorkerThreads } from '../evaluate/evaluation-pool.ts'
import type { RunContext } from '../evaluate/run-context.ts'
import { openCsvRanges } from '../input/csv-ranges.ts'
import { inputEncodings, type InputEncoding } from '../input/decode.ts'
import {
  declaredFormat,
  inputFormats,
  leadFileSize,
  openLeadInput,
  type InputFormat,
} from '../input/lead-records.ts'
import { loadMapper, loadRuleset } from '../load-documents.ts'
import { loadStoredRuleset, storedReference } from '../stored-ruleset.ts'
import {
  defaultCsvColumns,
  DecisionWriter,
  outputFormats,
  parseCsvColumns,
  type OutputFormat,
} from '../output/decision-writer.ts'
import { Progress } from '../output/progress.ts'
import { RunSummary } from '../output/run-summary.ts'
import { choice } from './options.ts'

interface EvaluateOptions {
  ruleset: string
  data?: string
  in: string
  map?: string
  out: string
  format?: OutputFormat
  inputFormat?: InputFormat
  encoding: InputEncoding
  trace?: boolean
  columns: string
  now?: string
  workers?: string
  quiet?: boolean
  strict?: boolean
}

/** Below this, starting worker threads costs more than it saves. */
const INLINE_BYTES = 2 * 1024 * 1024
/**
 * Past a few workers the main thread, writing ~4 KB of NDJSON per decision in input order,
 * is what limits the rate, and each worker holds its own heap (~30 MB).
 */
const MAX_WORKERS = 8

export function evaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('decide every lead of a file (CSV, NDJSON or JSON) against a ruleset')
    .requiredOption(
      '-r, --ruleset <file | id[@version]>',
      "ruleset JSON file, or a ruleset in the server's store: id (its published version) or id@version",
    )
    .option(
      '--data <dir>',
      "the server's data folder, for --ruleset id[@version] (default: LEADGATE_DATABASE_URL, else LEADGATE_DATA_DIR, else ./data)",
    )
    .requiredOption('-i, --in <file>', 'leads: .csv, .tsv, .ndjson, .json, or - for standard input')
    .option(
      '-m, --map <mapping>',
      'how columns become facts: salesforce, hubspot or a mapping file',
    )
    .option('-o, --out <file>', 'decisions: .ndjson or .csv, or - for standard output', '-')
    .addOption(
      choice(
        '--format <format>',
        'output format (default: from --out, else ndjson)',
        outputFormats,
      ),
    )
    .addOption(
      choice('--input-format <format>', 'input format (default: from the extension)', inputFormats),
    )
    .addOption(
      choice('--encoding <encoding>', 'text encoding of the input', inputEncodings).default('utf8'),
    )
    .option('--trace', 'include the full trace of every condition in NDJSON output')
    .option('--columns <spec>', 'CSV output: field[=Header],... ', defaultCsvColumns)
    .option('--now <timestamp>', 'decision time to record (ISO 8601), for reproducible runs')
    .option(
      '--workers <n>',
      'worker threads (default: one per core, up to 8, for inputs over 2 MB; 0 decides in the main thread)',
    )
    .option('-q, --quiet', 'no progress bar, warnings or summary')
    .option('--strict', 'exit 1 when any value could not be converted')
    .addHelpText(
      'after',
      `
Output: NDJSON has one decision per line (outcome, score, reasons, rules, personas; the
trace with --trace), plus "problems" when a value could not be converted. CSV has the
columns of --columns (fields: id, outcome, score, reason, reasons, persona, personaMatch,
ruleset, version, evaluatedAt), for a CRM import. Output is in input order.

Examples:
  $ leadgate evaluate -r rulesets/b2b-inbound.json -i leads.csv -m salesforce -o decisions.ndjson
  $ leadgate evaluate -r rulesets/x-education.json -m rulesets/x-education.mapping.json \\
      -i leads.csv -o decisions.csv --columns "id=Prospect ID,outcome=Status,score,reason"
  $ cat leads.ndjson | leadgate evaluate -r ruleset.json -i - --quiet > decisions.ndjson
  $ leadgate evaluate -r b2b-inbound --data ./data -i leads.csv -m salesforce
  $ LEADGATE_DATABASE_URL=postgres://leadgate@db/leadgate leadgate evaluate -r b2b-inbound@4 -i leads.ndjson

The summary (outcomes, top reasons, personas, input problems) goes to stderr.`,
    )
    .action(async (options: EvaluateOptions) => {
      process.exitCode = await runEvaluate(options)
    })
}

async function runEvaluate(options: EvaluateOptions): Promise<ExitCode> {
  const started = performance.now()
  const requestedWorkers = parseWorkers(options.workers)
  // Worker threads start first and load while this thread reads the ruleset, the mapping and
  // the header; a missing file is reported below, as before.
  const knownSize = options.in === '-' ? undefined : existingFileSize(options.in)
  const workers = requestedWorkers ?? defaultWorkers(knownSize)
  const threads =
    workers > 0 && (options.in === '-' || knownSize !== undefined)
      ? startWorkers(workers)
      : undefined
  try {
    return await evaluateWith(options, started, threads)
  } finally {
    await threads?.terminate()
  }
}

async function evaluateWith(
  options: EvaluateOptions,
  started: number,
  threads: WorkerThreads | undefined,
): Promise<ExitCode> {
  const ruleset =
    !existsSync(options.ruleset) && storedReference.test(options.ruleset)
      ? await loadStoredRuleset(options.ruleset, { dataDir: options.data, env: process.env })
      : loadRuleset(options.ruleset)
  const mapper = options.map === undefined ? undefined : loadMapper(options.map)
  const format: OutputFormat = options.format ?? (/\.csv$/i.test(options.out) ? 'csv' : 'ndjson')
  const columns = parseCsvColumns(options.columns)
  const now = parseNow(options.now)
  const warn = options.quiet
    ? () => {}
    : (message: string) => process.stderr.write(`warning: ${message}\n`)
  const source = options.in === '-' ? 'standard input' : options.in

  const size = options.in === '-' ? undefined : leadFileSize(options.in)
  const inputFormat = declaredFormat(options.in, options.inputFormat)
  const delimiter = inputFormat === 'tsv' ? '\t' : ','
  // Files the workers can parse themselves; the rest is read in this thread.
  const ranges =
    threads !== undefined &&
    size !== undefined &&
    (inputFormat === 'csv' || inputFormat === 'tsv') &&
    options.encoding === 'utf8'
      ? await openCsvRanges(options.in, delimiter)
      : undefined
  const input = ranges
    ? undefined
    : await openLeadInput(options.in, { format: options.inputFormat, encoding: options.encoding })
  const writer = new DecisionWriter(options.out)
  // Ctrl-C must not leave a partial file behind either.
  const interrupted = () => {
    writer.abort()
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  const summary = new RunSummary(ruleset)
  const progress = new Progress(!options.quiet && process.stderr.isTTY === true, size)
  if (format === 'csv') writer.write(stringify([columns.map(([, header]) => header)], csvOptions))

  const context: RunContext = {
    ruleset,
    mapper,
    source,
    warn,
    threads,
    settings: { ruleset, trace: options.trace ? 'full' : 'none', format, columns, now },
    summary,
    progress,
    writer,
  }
  let decided: boolean
  try {
    decided = ranges
      ? (await decideRanges(context, ranges, delimiter), true)
      : await decideRecords(context, input!)
    await writer.close()
  } catch (error) {
    writer.abort()
    throw error
  } finally {
    process.off('SIGINT', interrupted)
    progress.stop()
  }
  if (!options.quiet) {
    if (summary.leads === 0 && summary.unusable === 0) warn(`${source} has no leads`)
    process.stderr.write(
      `\n${summary.format((performance.now() - started) / 1000, decided ? (threads?.workers.length ?? 0) : 0)}`,
    )
  }
  if (summary.unusable > 0) return ExitCode.invalidInput
  if (options.strict && summary.conversions.rows > 0) return ExitCode.invalidInput
  return ExitCode.ok
}

/**
 * One worker thread per core (up to MAX_WORKERS) for inputs over INLINE_BYTES or of unknown
 * size (standard input); none on a single core, where the main thread alone is faster.
 * The workers are used whatever else the machine is doing: someone deciding a big file
 * wants it done, and the operating system shares the cores. (An earlier rule started them only
 * with two idle cores by the load average; the run's own load then turned them off.)
 */
function defaultWorkers(size: number | undefined): number {
  if (size !== undefined && size < INLINE_BYTES) return 0
  const cores = availableParallelism()
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS)
}

/** The size of the file at `path`, or undefined when there is none (reported later). */
function existingFileSize(path: string): number | undefined {
  try {
    const stat = statSync(path)
    return stat.isFile() ? stat.size : undefined
  } catch {
    return undefined
  }
}

function parseNow(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const date = new Date(text)
  if (Number.isNaN(date.getTime()))
    throw new CliError(`--now ${text}: not a timestamp`, ExitCode.usage)
  return date.toISOString()
}

function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const workers = Number(text)
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new CliError(`--workers ${text}: a whole number from 0 to 64`, ExitCode.usage)
  }
  return workers
}
