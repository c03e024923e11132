import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { DecisionLog, DecisionQuery } from '../store/types.ts'

export const exportColumns = [
  'decisionId',
  'leadId',
  'email',
  'company',
  'rulesetId',
  'version',
  'outcome',
  'score',
  'reasonIds',
  'evaluatedAt',
] as const

const PAGE = 1000

/**
 * Every decision a search matches, newest first, as CSV text. Pages through the log's index a
 * thousand at a time, so an export of a million decisions never holds them all in memory; the
 * stream's back-pressure paces the paging.
 *
 * @example
 * return new Response(exportDecisionsCsv(log, { outcome: 'rejected' }), { headers: { 'content-type': 'text/csv' } })
 */
export function exportDecisionsCsv(
  log: DecisionLog,
  query: Omit<DecisionQuery, 'cursor' | 'limit'>,
): ReadableStream<Uint8Array> {
  async function* rows() {
    let cursor: string | undefined
    do {
      const page = await log.query({ ...query, limit: PAGE, cursor })
      for (const item of page.items) {
        yield [
          item.decisionId,
          item.leadId ?? '',
          item.email ?? '',
          item.company ?? '',
          item.rulesetId,
          item.version,
          item.outcome,
          item.score,
          (item.reasonIds ?? []).join(' '),
          item.evaluatedAt,
        ]
      }
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
  }
  const csv = Readable.from(rows()).pipe(stringify({ header: true, columns: [...exportColumns] }))
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>
}
