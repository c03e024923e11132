import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import {
  compileMapping,
  compileRuleset,
  defaultSegments,
  ImpactReport,
  type Lead,
  type MappedLead,
} from '../../engine/index.ts'
import { ExitCode } from '../exit-codes.ts'
import { mappingForHeader, unusableLead } from '../evaluate/input-mapping.ts'
import { inputEncodings, type InputEncoding } from '../input/decode.ts'
import { inputFormats, openLeadInput, type InputFormat } from '../input/lead-records.ts'
import { loadMapper, loadRuleset } from '../load-documents.ts'
import { formatImpact } from '../output/impact-table.ts'
import { choice } from './options.ts'

interface SimulateOptions {
  ruleset: string
  baseline: string
  in: string
  map?: string
  segment?: string[]
  json?: string
  inputFormat?: InputFormat
  encoding: InputEncoding
  quiet?: boolean
}

export function simulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('impact of a draft ruleset against the published one, over a file of leads')
    .requiredOption('-r, --ruleset <file>', 'the draft ruleset JSON file')
    .requiredOption('-b, --baseline <file>', 'the ruleset it would replace (the published one)')
    .requiredOption('-i, --in <file>', 'leads: .csv, .tsv, .ndjson, .json, or - for standard input')
    .option(
      '-m, --map <mapping>',
      'how columns become facts: salesforce, hubspot or a mapping file',
    )
    .option(
      '--segment <facts...>',
      `facts to break the impact down by (default: ${defaultSegments.join(' ')})`,
    )
    .option('--json <file>', 'also write the full impact report as JSON')
    .addOption(
      choice('--input-format <format>', 'input format (default: from the extension)', inputFormats),
    )
    .addOption(
      choice('--encoding <encoding>', 'text encoding of the input', inputEncodings).default('utf8'),
    )
    .option('-q, --quiet', 'no warnings about the input')
    .addHelpText(
      'after',
      `
Prints outcome counts before and after, the flips (e.g. accepted → rejected) with the rule
that flipped them, the change per segment, and a warning for every segment whose accepted
leads fall below the policy's minSegmentSize.

Example:
  $ leadgate simulate -r draft.json -b rulesets/b2b-inbound.json -i leads.csv -m salesforce`,
    )
    .action(async (options: SimulateOptions) => {
      process.exitCode = await runSimulate(options)
    })
}

async function runSimulate(options: SimulateOptions): Promise<ExitCode> {
  const draft = loadRuleset(options.ruleset)
  const baseline = loadRuleset(options.baseline)
  const mapper = options.map === undefined ? undefined : loadMapper(options.map)
  const warn = options.quiet
    ? () => {}
    : (message: string) => process.stderr.write(`warning: ${message}\n`)
  const source = options.in === '-' ? 'standard input' : options.in
  const report = new ImpactReport(
    compileRuleset(draft),
    compileRuleset(baseline),
    options.segment ?? defaultSegments,
  )
  const input = await openLeadInput(options.in, {
    format: options.inputFormat,
    encoding: options.encoding,
  })
  let mapCells: ((cells: readonly string[]) => MappedLead) | undefined
  let unusable = 0
  for await (const record of input.records) {
    if (record.kind === 'header') {
      mapCells = compileMapping(
        mappingForHeader(record.columns, { ruleset: draft, mapper, source, warn }),
      ).forHeader(record.columns)
    } else if (record.kind === 'cells') {
      report.add(mapCells!(record.cells).lead)
    } else if (record.kind === 'object') {
      const problem = mapper ? undefined : unusableLead(record.value)
      if (problem) {
        unusable++
        warn(`row ${record.number}: ${problem}`)
        continue
      }
      report.add(mapper ? mapper.map(record.value).lead : (record.value as Lead))
    } else {
      unusable++
      warn(`row ${record.number}: ${record.message}`)
    }
  }
  const result = report.result()
  if (options.json) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(
    formatImpact(result, `${draft.id} v${draft.version}`, `${baseline.id} v${baseline.version}`),
  )
  return unusable > 0 ? ExitCode.invalidInput : ExitCode.ok
}
