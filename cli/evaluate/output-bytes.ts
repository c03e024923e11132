/**
 * Rendered decisions as UTF-8, appended lead by lead into one growing buffer instead of one
 * growing string: a batch's NDJSON built as a string lives through several young-generation
 * collections and is then encoded in one go; written as bytes at once, each decision's text
 * is garbage as soon as it is copied, and the bytes are transferred to the main thread as
 * they are. Buffers the main thread has written can be given back (`reuse`), so a run
 * allocates a handful of them instead of one per batch.
 *
 * @example
 * const out = new OutputBytes()
 * out.append('{"leadId":"L1"}\n')
 * out.take() // Buffer of 16 bytes
 */
/** Buffers kept for reuse: enough for the batches a worker has in flight. */
const MAX_SPARES = 4

export class OutputBytes {
  #bytes: Buffer
  #length = 0

  #spares: ArrayBuffer[] = []

  constructor(capacity = 64 * 1024) {
    this.#bytes = Buffer.allocUnsafeSlow(capacity)
  }

  /** Keeps a buffer that was taken and is no longer used, for a later batch. */
  reuse(buffer: ArrayBuffer): void {
    if (this.#spares.length < MAX_SPARES) this.#spares.push(buffer)
  }

  /** Copies bytes made earlier (a decision's parts that repeat from lead to lead). */
  put(bytes: Uint8Array): void {
    const length = bytes.length
    if (this.#bytes.length - this.#length < length) this.#grow(length)
    const into = this.#bytes
    const at = this.#length
    // A comma or a quote is copied faster byte by byte than by a call to set (~20 ns each).
    if (length < 16) for (let from = 0; from < length; from++) into[at + from] = bytes[from]!
    else into.set(bytes, at)
    this.#length = at + length
  }

  append(text: string): void {
    // Three bytes per UTF-16 unit at most; most text needs one.
    if (this.#bytes.length - this.#length < text.length * 3) this.#grow(text.length * 3)
    this.#length += this.#bytes.write(text, this.#length)
  }

  /** The bytes so far, in a buffer of their own (to transfer); the next append starts anew. */
  take(): Buffer {
    const taken = this.#bytes.subarray(0, this.#length)
    // The next batch is likely about as large as this one.
    const wanted = Math.max(this.#length + (this.#length >> 3), 64 * 1024)
    const spare = this.#spares.pop()
    this.#bytes =
      spare !== undefined && spare.byteLength >= wanted
        ? Buffer.from(spare)
        : Buffer.allocUnsafeSlow(wanted)
    this.#length = 0
    return taken
  }

  #grow(needed: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(this.#bytes.length * 2, this.#length + needed))
    this.#bytes.copy(grown, 0, 0, this.#length)
    this.#bytes = grown
  }
}
