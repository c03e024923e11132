import { SingleBar } from 'cli-progress'

/**
 * A progress bar on stderr with rate and ETA, only for a person watching: silent when stderr
 * is not a terminal (CI, redirects) or with --quiet. Progress is measured in bytes read, so
 * a file's size gives the ETA without counting its rows first.
 */
export class Progress {
  #bar: SingleBar | undefined
  #started = Date.now()

  constructor(enabled: boolean, totalBytes: number | undefined) {
    if (!enabled) return
    const known = totalBytes !== undefined && totalBytes > 0
    this.#bar = new SingleBar({
      stream: process.stderr,
      format: known
        ? '{bar} {percentage}% | {leads} leads | {rate} leads/s | ETA {eta_formatted}'
        : '{leads} leads | {rate} leads/s',
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      etaBuffer: 50,
    })
    this.#bar.start(known ? totalBytes : 1, 0, { leads: 0, rate: 0 })
  }

  update(bytes: number, leads: number): void {
    if (!this.#bar) return
    const seconds = (Date.now() - this.#started) / 1000
    this.#bar.update(bytes, { leads, rate: seconds > 0 ? Math.round(leads / seconds) : 0 })
  }

  stop(): void {
    this.#bar?.stop()
  }
}
