const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/**
 * A day as the editor's lists show it.
 *
 * @example
 * formatDate('2026-11-23T10:00:00Z') // '23 Nov 2026'
 */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso))
