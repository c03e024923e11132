import { leadSchema, type TraceMode } from '../../engine/index.ts'
import { checkJsonValue, UnsafeJsonError } from '../http/safe-json.ts'
import type { DecisionEntry, DecisionLog } from '../store/types.ts'
import { decideLead, type DecisionSource } from './decide.ts'
import type { CompiledVersion } from './evaluator-cache.ts'

export const MAX_BATCH_LEADS = 100_000
export const MAX_BATCH_LINE_BYTES = 64 * 1024

export interface BatchOptions {
  version: CompiledVersion
  trace: TraceMode
  source: DecisionSource
  decisions: DecisionLog
  maxLeads?: number
  maxLineBytes?: number
  onLogFailure?: (error: unknown) => void
}

interface LineError {
  code: string
  message: string
  details?: unknown
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

/**
 * Evaluates an NDJSON stream of leads into an NDJSON stream of answers, one per lead, in
 * order: `{"line":n,"decision":{…}}` or `{"line":n,"error":{…}}`, then a `{"summary":…}`.
 * Neither side is buffered whole: input is read chunk by chunk, each chunk's decisions are
 * appended to the log in one group commit, and their answers are released only after that,
 * when the reader asks for more. A bad line costs only its own answer.
 *
 * @example
 * return new Response(evaluateNdjson(request.body, options), { headers: { 'content-type': 'application/x-ndjson' } })
 */
export function evaluateNdjson(
  input: ReadableStream<Uint8Array>,
  options: BatchOptions,
): ReadableStream<Uint8Array> {
  const reader = input.getReader()
  const lines = batches(reader, options)
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next()
      if (done) controller.close()
      else controller.enqueue(encoder.encode(value))
    },
    async cancel() {
      await lines.return(undefined)
      await reader.cancel().catch(() => {})
    },
  })
}

async function* batches(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  options: BatchOptions,
): AsyncGenerator<string, void, undefined> {
  const maxLeads = options.maxLeads ?? MAX_BATCH_LEADS
  const maxLineBytes = options.maxLineBytes ?? MAX_BATCH_LINE_BYTES
  const counts = { lines: 0, decided: 0, errors: 0, accepted: 0, nurture: 0, rejected: 0 }
  let lineNumber = 0
  let partial: Uint8Array[] = []
  let partialBytes = 0
  let oversized = false
  let stopped = false

  let out: string[] = []
  let entries: DecisionEntry[] = []
  let outcomes: string[] = []

  const answer = (line: Uint8Array) => {
    lineNumber++
    if (oversized) {
      oversized = false
      return fail({
        code: 'line_too_large',
        message: `a line may hold at most ${maxLineBytes} bytes`,
      })
    }
    const text = decodeLine(line)
    if (text === undefined)
      return fail({ code: 'invalid_utf8', message: 'the line is not valid UTF-8' })
    if (text.trim() === '') return
    if (counts.lines >= maxLeads) {
      stopped = true
      return fail({
        code: 'too_many_leads',
        message: `a batch holds at most ${maxLeads} leads; the rest was not read`,
      })
    }
    counts.lines++
    let value: unknown
    try {
      value = JSON.parse(text)
      checkJsonValue(value)
    } catch (error) {
      const unsafe = error instanceof UnsafeJsonError
      return fail({
        code: unsafe ? error.reason : 'invalid_json',
        message: unsafe ? error.message : `the line is not valid JSON: ${(error as Error).message}`,
        ...(unsafe && error.path ? { details: { path: error.path } } : {}),
      })
    }
    const lead = leadSchema.safeParse(value)
    if (!lead.success) {
      return fail({
        code: 'invalid_lead',
        message: 'a line is one lead: a JSON object whose "id", if any, is a string or number',
        details: {
          issues: lead.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        },
      })
    }
    const decided = decideLead(options.version, lead.data, {
      trace: options.trace,
      source: options.source,
    })
    entries.push(decided.entry)
    outcomes.push(decided.entry.outcome)
    out.push(`{"line":${lineNumber},"decision":${decided.responseJson}}\n`)
  }
  const fail = (error: LineError) => {
    counts.errors++
    const { code, message, details = null } = error
    out.push(`${JSON.stringify({ line: lineNumber, error: { code, message, details } })}\n`)
  }
  /** Makes the chunk's decisions durable, then hands its answers out. */
  const release = async (): Promise<string> => {
    const text = out.join('')
    const batch = entries
    const batchOutcomes = outcomes
    out = []
    entries = []
    outcomes = []
    await options.decisions.append(batch)
    counts.decided += batch.length
    for (const outcome of batchOutcomes) counts[outcome as 'accepted' | 'nurture' | 'rejected']++
    return text
  }

  try {
    while (!stopped) {
      const { value, done } = await reader.read()
      if (done) break
      let start = 0
      let newline = value.indexOf(10, start)
      while (newline !== -1 && !stopped) {
        const piece = value.subarray(start, newline)
        if (!oversized && partialBytes + piece.length <= maxLineBytes) {
          answer(
            partialBytes === 0 ? piece : concat([...partial, piece], partialBytes + piece.length),
          )
        } else {
          oversized = true
          answer(new Uint8Array(0))
        }
        partial = []
        partialBytes = 0
        start = newline + 1
        newline = value.indexOf(10, start)
      }
      if (!stopped && start < value.length) {
        const rest = value.subarray(start)
        if (oversized || partialBytes + rest.length > maxLineBytes) {
          // Keep nothing of a line already too long; its newline will produce the error.
          oversized = true
          partial = []
          partialBytes = 0
        } else {
          partial.push(rest.slice())
          partialBytes += rest.length
        }
      }
      const text = await release()
      if (text !== '') yield text
    }
    if (!stopped && (partialBytes > 0 || oversized)) {
      answer(concat(partial, partialBytes))
      const text = await release()
      if (text !== '') yield text
    }
    if (stopped) await reader.cancel().catch(() => {})
    yield `${JSON.stringify({ summary: counts })}\n`
  } catch (error) {
    // The log could not keep this chunk: nothing from it is reported as decided.
    options.onLogFailure?.(error)
    const message =
      'the decision log could not store decisions; lines after the last answered one were not decided'
    yield `${JSON.stringify({ error: { code: 'log_failed', message, details: null } })}\n`
  }
}

function decodeLine(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes)
    return text.endsWith('\r') ? text.slice(0, -1) : text
  } catch {
    return undefined
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const joined = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    joined.set(part, at)
    at += part.length
  }
  return joined
}
