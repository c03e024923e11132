/** A file of leads for the impact report: CSV with a header row, or NDJSON (a lead a line). */
export type UploadType = 'text/csv' | 'application/x-ndjson'

/** The server's upload limit (server/audit/lead-upload.ts); checked here to answer at once. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024

/**
 * How to send a chosen file, from its type or, since browsers often leave that blank for
 * `.ndjson`, from its name.
 *
 * @example
 * uploadTypeOf({ name: 'leads.jsonl', type: '' }) // 'application/x-ndjson'
 */
export function uploadTypeOf(file: { name: string; type: string }): UploadType | null {
  const name = file.name.toLowerCase()
  if (file.type === 'text/csv' || name.endsWith('.csv')) return 'text/csv'
  if (
    file.type === 'application/x-ndjson' ||
    file.type === 'application/ndjson' ||
    name.endsWith('.ndjson') ||
    name.endsWith('.jsonl')
  ) {
    return 'application/x-ndjson'
  }
  return null
}

/**
 * Why a file cannot be sent, in words, or null when it can.
 *
 * @example
 * uploadProblem({ name: 'leads.xlsx', type: '', size: 10 }) // 'Choose a .csv or .ndjson file (leads.xlsx is neither).'
 */
export function uploadProblem(file: { name: string; type: string; size: number }): string | null {
  if (!uploadTypeOf(file)) return `Choose a .csv or .ndjson file (${file.name} is neither).`
  if (file.size === 0) return `${file.name} is empty.`
  if (file.size > MAX_UPLOAD_BYTES) {
    return `${file.name} is ${Math.ceil(file.size / 1024 / 1024)} MB; the limit is 32 MB.`
  }
  return null
}
