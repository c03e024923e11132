import { formatDate } from '../ui/format-date.ts'

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * "Last used" for a key, as a person reads it: recent uses relative to now, older ones as a
 * date. The server keeps the time to the minute, so anything under two minutes is "just now".
 *
 * @example
 * lastUsedText('2026-11-23T09:15:00Z', new Date('2026-11-23T10:00:00Z')) // '45 minutes ago'
 */
export function lastUsedText(iso: string | null, now: Date): string {
  if (iso === null) return 'Never used'
  const ago = now.getTime() - new Date(iso).getTime()
  if (ago < 2 * MINUTE) return 'Just now'
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute')
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour')
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), 'day')
  return formatDate(iso)
}
