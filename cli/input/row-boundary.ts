/** The bytes CSV structure is made of, as the scans below and in ./parser-lines.ts read them. */
export const QUOTE = 0x22
export const CR = 0x0d
export const LF = 0x0a

/** How the file's rows end, as the CSV parser settles on at its first line end. */
export type RecordDelimiter = '\n' | '\r\n'

/**
 * Where the last complete CSV row in `bytes[0, length)` ends: the offset just after the last
 * line end that is outside quotes, or -1 when there is none. `bytes` must start at a row
 * start. A quote toggles "inside a quoted cell" and a doubled quote toggles twice, so
 * counting quotes is exact for RFC 4180 text; a stray quote inside an unquoted cell is an
 * error the parser reports on the row that has it, whichever way the cut falls. With CRLF
 * rows a bare LF is cell text (the parser keeps it), so only CR LF ends a row.
 *
 * @example
 * lastRowEnd(Buffer.from('a,"x\ny"\nb,c'), 11, '\n') // 8: the LF inside quotes does not count
 */
export function lastRowEnd(bytes: Buffer, length: number, delimiter: RecordDelimiter): number {
  let quoted = false
  let from = 0
  let end = -1
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from)
    const stop = quote === -1 || quote >= length ? length : quote
    if (!quoted && stop > from) {
      const found = lastLineEnd(bytes, from, stop, delimiter)
      if (found !== -1) end = found
    }
    if (stop === length) return end
    quoted = !quoted
    from = stop + 1
  }
}

/** The offset after the last line end in bytes[from, stop), or -1. */
function lastLineEnd(
  bytes: Buffer,
  from: number,
  stop: number,
  delimiter: RecordDelimiter,
): number {
  let at = bytes.lastIndexOf(LF, stop - 1)
  while (at >= from) {
    if (delimiter === '\n' || (at > from && bytes[at - 1] === CR)) return at + 1
    at = at === 0 ? -1 : bytes.lastIndexOf(LF, at - 1)
  }
  return -1
}

/**
 * The offset after the first line end outside quotes in bytes[from, length), or -1, with the
 * line end found there (CR LF or LF); a bare CR before it is left to the caller's parser.
 *
 * @example
 * firstLineEnd(Buffer.from('id,"a\nb"\r\nL1,2'), 0, 15) // { end: 10, delimiter: '\r\n' }
 */
export function firstLineEnd(
  bytes: Buffer,
  from: number,
  length: number,
): { end: number; delimiter: RecordDelimiter } | undefined {
  let quoted = false
  let at = from
  while (at < length) {
    const quote = bytes.indexOf(QUOTE, at)
    const stop = quote === -1 || quote >= length ? length : quote
    if (!quoted) {
      const lineFeed = bytes.indexOf(LF, at)
      if (lineFeed !== -1 && lineFeed < stop) {
        const delimiter = lineFeed > 0 && bytes[lineFeed - 1] === CR ? '\r\n' : '\n'
        return { end: lineFeed + 1, delimiter }
      }
    }
    if (stop === length) return undefined
    quoted = !quoted
    at = stop + 1
  }
  return undefined
}

/**
 * Line ends (LF) in bytes[from, to): a row's line number in the file is one more than the
 * line ends before it.
 */
export function countLineFeeds(bytes: Buffer, from = 0, to = bytes.length): number {
  let count = 0
  let at = bytes.indexOf(LF, from)
  while (at !== -1 && at < to) {
    count++
    at = bytes.indexOf(LF, at + 1)
  }
  return count
}
