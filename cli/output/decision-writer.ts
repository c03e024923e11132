import { createWriteStream, existsSync, renameSync, rmSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import type { Decision } from '../../engine/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

export const outputFormats = ['ndjson', 'csv'] as const
export type OutputFormat = (typeof outputFormats)[number]

/** Fields a CSV write-back row can carry, for `--columns field=Header,...`. */
export const csvFields = {
  id: (decision: Decision) => decision.leadId ?? '',
  outcome: (decision: Decision) => decision.outcome,
  score: (decision: Decision) => decision.score,
  reason: (decision: Decision) => decision.reasons[0]?.text ?? '',
  reasons: (decision: Decision) => decision.reasons.map((reason) => reason.text).join(' | '),
  persona: (decision: Decision) => decision.personas[0]?.name ?? '',
  personaMatch: (decision: Decision) => decision.personas[0]?.match ?? '',
  ruleset: (decision: Decision) => decision.ruleset.id,
  version: (decision: Decision) => decision.ruleset.version,
  evaluatedAt: (decision: Decision) => decision.evaluatedAt,
} as const
export type CsvField = keyof typeof csvFields

export const defaultCsvColumns =
  'id=lead_id,outcome,score,reason=top_reason,persona,ruleset,version=ruleset_version'

/** "id=Id,outcome=Lead_Status__c,score" → [['id','Id'], ['outcome','Lead_Status__c'], ['score','score']]. */
export function parseCsvColumns(spec: string): [CsvField, string][] {
  return spec.split(',').map((part) => {
    const [field = '', header = field] = part.split('=').map((piece) => piece.trim())
    if (!Object.hasOwn(csvFields, field)) {
      throw new CliError(
        `--columns: unknown field "${field}"; choose from ${Object.keys(csvFields).join(', ')}`,
        ExitCode.usage,
      )
    }
    return [field as CsvField, header === '' ? field : header]
  })
}

/**
 * Writes rendered decisions to a file or standard output. A file is written under a
 * temporary name and renamed when the run completes, so a failed run never leaves half a
 * file where the real one should be.
 */
export class DecisionWriter {
  #stream: Writable
  #file: { final: string; partial: string } | undefined
  closedByReader = false
  #failure: Error | undefined

  constructor(target: string, stdout: Writable = process.stdout) {
    if (target === '-') {
      this.#stream = stdout
    } else {
      if (!existsSync(dirname(target))) throw new CliError(`${target}: no such folder`)
      const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`)
      this.#file = { final: target, partial }
      // A deep buffer: waiting for every chunk to reach the disk would idle the evaluator.
      this.#stream = createWriteStream(partial, { highWaterMark: 1024 * 1024 })
    }
    this.#stream.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that went away (`| head`) is not a failure of the run.
      if (error.code === 'EPIPE') this.closedByReader = true
      else
        this.#failure ??= new CliError(
          `${target === '-' ? 'standard output' : target}: ${error.message}`,
        )
    })
  }

  /**
   * Writes text or UTF-8 bytes; answers a promise only when the destination needs a pause.
   * `written` is called once the bytes are no longer needed (written, or dropped).
   */
  write(text: string | Uint8Array, written?: () => void): Promise<void> | undefined {
    if (this.#failure) throw this.#failure
    if (text.length === 0 || this.closedByReader) {
      written?.()
      return undefined
    }
    const done = written && ((error?: Error | null) => (error ? undefined : written()))
    if (this.#stream.write(text, done)) return undefined
    return new Promise((resolve) => {
      const done = () => {
        this.#stream.off('drain', done)
        this.#stream.off('error', done)
        resolve()
      }
      this.#stream.on('drain', done)
      this.#stream.on('error', done)
    })
  }

  /** Puts the file in place once everything is written. */
  async close(): Promise<void> {
    if (!this.#file) return
    const stream = this.#stream as WriteStream
    if (!this.#failure) {
      stream.end()
      await Promise.race([once(stream, 'finish'), once(stream, 'error')]).catch(() => {})
    }
    if (this.#failure) throw this.#failure
    renameSync(this.#file.partial, this.#file.final)
  }

  /** Drops a partly written file. */
  abort(): void {
    if (!this.#file) return
    ;(this.#stream as WriteStream).destroy()
    rmSync(this.#file.partial, { force: true })
  }
}
