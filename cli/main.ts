import { Command, CommanderError } from 'commander'
import { LeadgateError } from '../engine/index.ts'
import { evaluateCommand } from './commands/evaluate.ts'
import { exportJreCommand, importJreCommand } from './commands/jre.ts'
import { serveCommand } from './commands/serve.ts'
import { simulateCommand } from './commands/simulate.ts'
import { validateCommand } from './commands/validate.ts'
import { CliError, ExitCode } from './exit-codes.ts'

const exitCodesHelp = `
Exit codes:
  0  done; every lead was decided (values that could not be converted are reported)
  1  invalid input: a ruleset, mapping or lead file that cannot be used, or rows skipped
  2  usage: unknown command or option, missing argument`

/** The `leadgate` program; commands register themselves. */
export function createProgram(): Command {
  const program = new Command('leadgate')
    .description('Lead acceptance rules that marketing and sales agree on, on the command line')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', exitCodesHelp)
    .exitOverride()
  for (const register of [
    evaluateCommand,
    validateCommand,
    simulateCommand,
    importJreCommand,
    exportJreCommand,
    serveCommand,
  ])
    register(program)
  for (const command of program.commands) command.exitOverride()
  return program
}

/**
 * Runs the CLI and answers its exit code. Usage errors are 2; errors with a known cause
 * (CliError, an engine error) print one line, not a stack.
 *
 * @example
 * process.exitCode = await main(['validate', 'rulesets/b2b-inbound.json']) // 0
 */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`leadgate --help | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(Number(process.exitCode ?? ExitCode.ok))
    throw error
  })
  try {
    await createProgram().parseAsync(argv as string[], { from: 'user' })
    return Number(process.exitCode ?? ExitCode.ok)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage
    }
    if (error instanceof CliError) {
      process.stderr.write(`leadgate: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof LeadgateError) {
      process.stderr.write(`leadgate: ${error.message}\n`)
      return ExitCode.invalidInput
    }
    throw error
  }
}
