import { checkedHeader } from '../input/lead-records.ts'
import type { CsvRangeReader } from '../input/csv-ranges.ts'
import { mappingForHeader } from './input-mapping.ts'
import { rangeError } from './range-parse.ts'
import { startEvaluation, type RunContext } from './run-context.ts'

/**
 * Decides a UTF-8 CSV file on worker threads that parse it themselves: this thread reads
 * the header, cuts the rest into ranges of whole rows and hands each range's bytes to a
 * worker (moved, not copied), then writes the workers' output in file order. Parsing and
 * mapping, most of what a lead costs besides deciding it, leave this thread, which would
 * otherwise be the bottleneck.
 *
 * @example
 * const reader = await openCsvRanges('leads.csv', ',')
 * if (reader) await decideRanges(context, reader, ',')
 */
export async function decideRanges(
  context: RunContext,
  reader: CsvRangeReader,
  delimiter: string,
): Promise<void> {
  const { ruleset, mapper, source, warn, summary, progress, writer } = context
  // Header trouble is reported before any worker starts, as when reading in this thread.
  let header: string[]
  try {
    header = checkedHeader(reader.header, source)
  } catch (error) {
    await reader.close()
    throw error
  }
  const config = {
    ...context.settings,
    mapping: mappingForHeader(header, { ruleset, mapper, source, warn }),
    header,
    csv: { delimiter, recordDelimiter: reader.recordDelimiter },
  }
  const inFlight: { start: number; end: number }[] = []
  // Line feeds before the range being delivered: results arrive in file order.
  let lineFeeds = reader.headerLineFeeds
  const evaluation = startEvaluation(context, config, (result) => {
    const range = inFlight.shift()!
    if (result.invalid) {
      throw rangeError(result.invalid, { source, start: range.start, lineFeedsBefore: lineFeeds })
    }
    lineFeeds += result.lineFeeds ?? 0
    summary.add(result.tally)
    progress.update(range.end, summary.leads)
    return writer.write(result.text, result.release)
  })
  try {
    for await (const range of reader.ranges) {
      if (writer.closedByReader) break
      inFlight.push({ start: range.start, end: range.start + range.bytes.length })
      await evaluation.submit({ csv: range.bytes })
    }
    await evaluation.finish()
  } finally {
    await reader.close()
    await evaluation.close()
  }
}
