import { SingleBar } from 'cli-progress'

/**
 * What is left at the pace so far: "12s", "3m 05s", "1h 02m"; "…" until there is a pace.
 * (cli-progress's own ETA, from the last few updates, reads "INF" or "NULL" whenever the
 * input stalls for a moment.)
 */
export function remainingTime(elapsedSeconds: number, done: number, total: number): string {
  if (done <= 0 || total <= 0 || elapsedSeconds <= 0) return '…'
  const left = Math.max(0, Math.round((elapsedSeconds * (total - done)) / done))
  if (left < 60) return `${left}s`
  const pad = (value: number) => String(value).padStart(2, '0')
  if (left < 3600) return `${Math.floor(left / 60)}m ${pad(left % 60)}s`
  return `${Math.floor(left / 3600)}h ${pad(Math.floor((left % 3600) / 60))}m`
}

/**
 * A progress bar on stderr with rate and ETA, only for a person watching: silent when stderr
 * is not a terminal (CI, redirects) or with --quiet. Progress is measured in bytes read, so
 * a file's size gives the ETA without counting its rows first.
 */
export class Progress {
  #bar: SingleBar | undefined
  #started = Date.now()
  /** Input bytes in all; 0 when unknown (standard input). */
  #total = 0

  constructor(enabled: boolean, totalBytes: number | undefined) {
    if (!enabled) return
    const known = totalBytes !== undefined && totalBytes > 0
    this.#bar = new SingleBar({
      stream: process.stderr,
      format: known
        ? '{bar} {percentage}% | {leads} leads | {rate} leads/s | ETA {remaining}'
        : '{leads} leads | {rate} leads/s',
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      etaBuffer: 50,
    })
    this.#total = known ? totalBytes : 0
    this.#bar.start(known ? totalBytes : 1, 0, { leads: 0, rate: 0, remaining: '…' })
  }

  update(bytes: number, leads: number): void {
    if (!this.#bar) return
    const seconds = (Date.now() - this.#started) / 1000
    const rate = seconds > 0 ? Math.round(leads / seconds) : 0
    this.#bar.update(bytes, { leads, rate, remaining: remainingTime(seconds, bytes, this.#total) })
  }

  stop(): void {
    this.#bar?.stop()
  }
}
