import { existsSync, readFileSync } from 'node:fs'
import {
  compileMapping,
  mappingPresets,
  validateMapping,
  validateRuleset,
  type LeadMapper,
  type Ruleset,
  type RulesetIssue,
} from '../engine/index.ts'
import { CliError, ExitCode } from './exit-codes.ts'

/** JSON from a file, with a message that names the file when it is missing or malformed. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new CliError(`${path}: no such ${what} file`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CliError(`${path}: not valid JSON (${(error as Error).message})`)
  }
}

/** "file: path: message (hint)" lines, as `validate` prints them. */
export function formatIssues(file: string, issues: readonly RulesetIssue[]): string {
  return issues
    .map((issue) => `${file}: ${issue.severity} ${issue.path || '(ruleset)'}: ${issue.message}`)
    .join('\n')
}

/**
 * A ruleset file named on the command line. A name that is no file but reads as `id[@version]`
 * is pointed at the commands that can read the server's store (`evaluate`).
 */
export function loadRuleset(reference: string): Ruleset {
  if (!existsSync(reference) && /^[a-z0-9][a-z0-9-]*(@\d+)?$/.test(reference)) {
    throw new CliError(
      `${reference}: no such file. Only "leadgate evaluate" reads rulesets by id from the server's store; pass the ruleset's JSON file here`,
    )
  }
  const result = validateRuleset(readJsonFile(reference, 'ruleset'))
  if (!result.ok) {
    throw new CliError(`${reference}: invalid ruleset\n${formatIssues(reference, result.errors)}`)
  }
  return result.ruleset
}

/** `--map salesforce | hubspot | <mapping.json>` → a compiled mapper. */
export function loadMapper(reference: string): LeadMapper {
  if (Object.hasOwn(mappingPresets, reference)) {
    return compileMapping(mappingPresets[reference as keyof typeof mappingPresets])
  }
  if (!existsSync(reference)) {
    throw new CliError(
      `--map ${reference}: no such file; use "salesforce", "hubspot" or a mapping JSON file`,
      ExitCode.invalidInput,
    )
  }
  const result = validateMapping(readJsonFile(reference, 'mapping'))
  if (!result.ok) {
    const lines = result.issues.map(
      (issue) => `${reference}: ${issue.path || '(mapping)'}: ${issue.message}`,
    )
    throw new CliError(`${reference}: invalid mapping\n${lines.join('\n')}`)
  }
  return compileMapping(result.mapping)
}
