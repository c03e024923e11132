import { closeSync, openSync, readSync } from 'node:fs'
import { leadTextOfRecord } from './stored-lead.ts'

/**
 * Leads to read from the decision log's files, in columns (cheap to send to a worker): for
 * each lead its file (an index into `files`) and the bytes to read.
 */
export interface LeadPlaces {
  files: string[]
  file: number[]
  /** The lead's own bytes; or, where `cutAt` is set, its whole record's. */
  offset: number[]
  length: number[]
  /** The record's evaluatedAt where the log did not index the lead: it is cut out of the record. */
  cutAt: (string | null)[]
}

/** Largest single read: neighbouring leads are read together up to this span. */
const CHUNK = 256 * 1024

/**
 * Reads leads out of the decision log's files with synchronous reads, for a worker thread
 * (which has nothing else to do meanwhile) or a small batch in the calling thread. Leads
 * close together in a file are read with one read; files stay open until `close`.
 *
 * @example
 * const reader = new LeadFileReader()
 * reader.texts({ files: [segment], file: [0], offset: [4210], length: [388], cutAt: [null] }) // ['{"id":"L-1",…}']
 */
export class LeadFileReader {
  #open = new Map<string, number>()
  #buffer = Buffer.allocUnsafe(CHUNK)

  /** Each lead's JSON text, in order; undefined where it cannot be read. */
  texts(places: LeadPlaces): (string | undefined)[] {
    const texts: (string | undefined)[] = []
    const count = places.offset.length
    let at = 0
    while (at < count) {
      const file = places.file[at]!
      const first = places.offset[at]!
      let end = at + 1
      while (
        end < count &&
        places.file[end] === file &&
        places.offset[end]! >= places.offset[end - 1]! &&
        places.offset[end]! + places.length[end]! - first <= CHUNK
      ) {
        end++
      }
      const span = places.offset[end - 1]! + places.length[end - 1]! - first
      if (this.#buffer.length < span) this.#buffer = Buffer.allocUnsafe(span)
      const buffer = this.#buffer
      const read = this.#read(places.files[file]!, buffer, span, first)
      for (let i = at; i < end; i++) {
        const start = places.offset[i]! - first
        const stop = start + places.length[i]!
        const cutAt = places.cutAt[i]
        if (stop > read) texts.push(undefined)
        else if (cutAt === null) texts.push(buffer.toString('utf8', start, stop))
        else texts.push(cutLead(buffer.subarray(start, stop), cutAt!))
      }
      at = end
    }
    return texts
  }

  close(): void {
    for (const fd of this.#open.values()) closeSync(fd)
    this.#open.clear()
  }

  #read(path: string, buffer: Buffer, length: number, position: number): number {
    let fd = this.#open.get(path)
    if (fd === undefined) {
      fd = openSync(path, 'r')
      this.#open.set(path, fd)
    }
    let read = 0
    while (read < length) {
      const got = readSync(fd, buffer, read, length - read, position + read)
      if (got === 0) break
      read += got
    }
    return read
  }
}

/** A record's lead text: cut out of it, or for a record of another shape from a full parse. */
function cutLead(record: Buffer, evaluatedAt: string): string | undefined {
  const text = leadTextOfRecord(record, evaluatedAt)
  if (text !== undefined) return text
  try {
    return JSON.stringify((JSON.parse(record.toString('utf8')) as { lead?: unknown }).lead)
  } catch {
    return undefined
  }
}
