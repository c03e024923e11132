/**
 * leadgate's exit codes, stable for scripts and CI:
 * 0 everything was read and decided (conversion problems are reported, not fatal);
 * 1 invalid input: a ruleset, mapping or lead file that cannot be used, or rows skipped;
 * 2 usage: an unknown command or option, a missing argument.
 */
export const ExitCode = { ok: 0, invalidInput: 1, usage: 2 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** An error the CLI reports as one message (no stack) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.invalidInput,
  ) {
    super(message)
    this.name = 'CliError'
  }
}
