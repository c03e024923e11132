import type { Command } from 'commander'
import { compileRuleset, validateMapping, validateRuleset } from '../../engine/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import { formatIssues, readJsonFile } from '../load-documents.ts'

const MAPPING_CONTENT_TYPE = 'application/vnd.leadgate.mapping+json'

export function validateCommand(program: Command): void {
  program
    .command('validate')
    .description('check rulesets (and mapping files): schema, semantics and their saved test leads')
    .argument('<files...>', 'ruleset or mapping JSON files')
    .option('-q, --quiet', 'print only errors')
    .addHelpText(
      'after',
      `
Each problem is printed as "file: error|warning json.path: message", with a hint where one
can be given ("did you mean ...?"). Exit code 1 when any file has an error.

Examples:
  $ leadgate validate rulesets/*.json
  $ leadgate validate draft.json && leadgate evaluate -r draft.json -i leads.csv -o out.ndjson`,
    )
    .action((files: string[], options: { quiet?: boolean }) => {
      let invalid = 0
      for (const file of files) {
        const lines = validateFile(file)
        const ok = lines.every((line) => !line.error)
        if (!ok) invalid++
        const shown = options.quiet ? lines.filter((line) => line.error) : lines
        for (const line of shown)
          (line.error ? process.stderr : process.stdout).write(`${line.text}\n`)
      }
      if (!options.quiet && files.length > 1) {
        process.stdout.write(`${files.length - invalid} of ${files.length} valid\n`)
      }
      process.exitCode = invalid > 0 ? ExitCode.invalidInput : ExitCode.ok
    })
}

interface Line {
  text: string
  error: boolean
}

function validateFile(file: string): Line[] {
  let document: unknown
  try {
    document = readJsonFile(file, 'ruleset')
  } catch (error) {
    if (error instanceof CliError) return [{ text: error.message, error: true }]
    throw error
  }
  const isMapping =
    file.endsWith('.mapping.json') ||
    (document !== null &&
      typeof document === 'object' &&
      (document as { contentType?: unknown }).contentType === MAPPING_CONTENT_TYPE)
  if (isMapping) {
    const result = validateMapping(document)
    if (result.ok)
      return [
        {
          text: `${file}: valid mapping (${Object.keys(result.mapping.facts).length} facts)`,
          error: false,
        },
      ]
    return result.issues.map((issue) => ({
      text: `${file}: error ${issue.path || '(mapping)'}: ${issue.message}`,
      error: true,
    }))
  }
  const result = validateRuleset(document)
  const warnings =
    result.warnings.length > 0 ? [{ text: formatIssues(file, result.warnings), error: false }] : []
  if (!result.ok) return [{ text: formatIssues(file, result.errors), error: true }, ...warnings]
  const { ruleset } = result
  const compiled = compileRuleset(ruleset)
  const failing = ruleset.testLeads.flatMap((test, at) => {
    if (test.expected === undefined) return []
    const outcome = compiled.evaluate(test.lead, { trace: 'none' }).outcome
    return outcome === test.expected
      ? []
      : [
          {
            text: `${file}: error testLeads[${at}]: "${test.name}" is ${outcome}, expected ${test.expected}`,
            error: true,
          },
        ]
  })
  const verdict = failing.length > 0 ? 'invalid' : 'valid'
  return [
    ...failing,
    ...warnings,
    {
      text: `${file}: ${verdict} ruleset ${ruleset.id} v${ruleset.version} (${ruleset.rules.length} rules, ${ruleset.personas.length} personas, ${ruleset.testLeads.length - failing.length}/${ruleset.testLeads.length} test leads as expected)`,
      error: failing.length > 0,
    },
  ]
}
