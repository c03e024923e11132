import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `bin/leadgate.js` as a separate process, as a user would, and collects what it printed.
 * `env` adds to (or, with undefined, removes from) the environment.
 */
export function runCli(
  args: readonly string[],
  input?: string | Buffer,
  env: Record<string, string | undefined> = {},
): CliRun {
  const result = spawnSync(process.execPath, ['bin/leadgate.js', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: withoutUndefined({ ...process.env, FORCE_COLOR: '0', ...env }),
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const withoutUndefined = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )

/** A scratch folder for one test file, removed by the returned cleanup. */
export function scratchFolder(): {
  path: (name: string) => string
  write: (name: string, content: string | Buffer) => string
  remove: () => void
} {
  const folder = mkdtempSync(join(tmpdir(), 'leadgate-cli-'))
  return {
    path: (name) => join(folder, name),
    write: (name, content) => {
      const file = join(folder, name)
      writeFileSync(file, content)
      return file
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  }
}

/** NDJSON text → objects. */
export const ndjson = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** Outcome → count over NDJSON decisions. */
export function outcomeCounts(decisions: Record<string, unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const decision of decisions) {
    const outcome = decision.outcome as string
    counts[outcome] = (counts[outcome] ?? 0) + 1
  }
  return counts
}
