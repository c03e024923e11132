import { writeFileSync } from 'node:fs'
import { Option, type Command } from 'commander'
import {
  exportJre,
  importJre,
  LeadgateError,
  ownerSchema,
  ruleKindSchema,
  type ImportJreOptions,
} from '../../engine/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import { loadRuleset, readJsonFile } from '../load-documents.ts'

interface ImportOptions {
  out?: string
  id?: string
  name?: string
  owner?: 'sales' | 'marketing'
  kind?: 'require' | 'disqualify' | 'score'
  points?: string
  acceptAt?: string
  nurtureAt?: string
}

export function importJreCommand(program: Command): void {
  program
    .command('import-jre')
    .description('turn json-rules-engine rules into a leadgate ruleset')
    .argument('<rules>', 'a JRE rule, an array of rules, or { rules, conditions } (JSON file)')
    .option('-o, --out <file>', 'write the ruleset here instead of standard output')
    .option('--id <slug>', 'ruleset id', 'imported-jre-rules')
    .option('--name <name>', 'ruleset name')
    .addOption(
      new Option('--owner <side>', 'owner of rules whose event does not say').choices(
        ownerSchema.options,
      ),
    )
    .addOption(
      new Option('--kind <kind>', 'kind of rules whose event does not say').choices(
        ruleKindSchema.options,
      ),
    )
    .option('--points <n>', 'points of score rules whose event does not say')
    .option('--accept-at <n>', 'policy: accept at this score')
    .option('--nurture-at <n>', 'policy: nurture at this score')
    .addHelpText(
      'after',
      `
Rules keep their name, priority and event. Features leadgate cannot decide the same way
(fact params, fact-to-fact comparison, operator decorators, custom operators, complex
JSONPath) are refused with one line per feature and where it is; nothing is approximated.

Examples:
  $ leadgate import-jre rules.json --owner sales --out ruleset.json
  $ leadgate import-jre rules.json | leadgate validate /dev/stdin`,
    )
    .action((file: string, options: ImportOptions) => {
      const document = readJsonFile(file, 'rules')
      const settings: ImportJreOptions = {}
      if (options.id !== undefined) settings.id = options.id
      if (options.name !== undefined) settings.name = options.name
      if (options.owner !== undefined) settings.owner = options.owner
      if (options.kind !== undefined) settings.kind = options.kind
      if (options.points !== undefined) settings.points = numberOption('--points', options.points)
      if (options.acceptAt !== undefined || options.nurtureAt !== undefined) {
        const acceptAt = numberOption('--accept-at', options.acceptAt ?? '0')
        settings.policy = {
          acceptAt,
          nurtureAt: numberOption('--nurture-at', options.nurtureAt ?? String(acceptAt)),
        }
      }
      let imported
      try {
        imported = importJre(document, settings)
      } catch (error) {
        if (error instanceof LeadgateError)
          throw new CliError(`${file}: cannot import\n${error.message}`)
        throw error
      }
      for (const warning of imported.warnings) {
        process.stderr.write(`${file}: warning ${warning.path || '(rules)'}: ${warning.message}\n`)
      }
      writeJson(options.out, imported.ruleset)
      if (options.out) {
        process.stderr.write(
          `${options.out}: ruleset ${imported.ruleset.id} with ${imported.ruleset.rules.length} rules\n`,
        )
      }
    })
}

export function exportJreCommand(program: Command): void {
  program
    .command('export-jre')
    .description('write a ruleset as json-rules-engine rules')
    .argument('<ruleset>', 'ruleset JSON file')
    .option('-o, --out <file>', 'write the rules here instead of standard output')
    .addHelpText(
      'after',
      `
Writes { rules, customOperators, skippedRules }. Dotted facts become a fact and a JSONPath;
list references are written out; each event carries the rule's id, kind, owner and points.
Operators json-rules-engine lacks (e.g. titleHasAny) are listed in customOperators and must
be registered with engine.addOperator before running the rules. Disabled rules are skipped.

Example:
  $ leadgate export-jre rulesets/b2b-inbound.json --out b2b-inbound.jre.json`,
    )
    .action((file: string, options: { out?: string }) => {
      const exported = exportJre(loadRuleset(file))
      writeJson(options.out, exported)
      if (exported.customOperators.length > 0) {
        process.stderr.write(
          `note: register these operators with json-rules-engine before running: ${exported.customOperators.join(', ')}\n`,
        )
      }
      if (exported.skippedRules.length > 0) {
        process.stderr.write(
          `note: disabled rules were not exported: ${exported.skippedRules.join(', ')}\n`,
        )
      }
    })
}

function writeJson(out: string | undefined, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`
  if (out === undefined) process.stdout.write(text)
  else writeFileSync(out, text)
}

function numberOption(flag: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value))
    throw new CliError(`${flag} ${text}: not a number`, ExitCode.usage)
  return value
}
