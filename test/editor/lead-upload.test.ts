import { describe, expect, it } from 'vitest'
import { uploadProblem, uploadTypeOf } from '../../editor/impact/lead-upload.ts'

describe('lead files for the impact report', () => {
  it('sends a CSV file as CSV, by type or by name', () => {
    expect(uploadTypeOf({ name: 'export.CSV', type: '' })).toBe('text/csv')
    expect(uploadTypeOf({ name: 'export', type: 'text/csv' })).toBe('text/csv')
  })

  it('sends .ndjson and .jsonl files as NDJSON even when the browser gives no type', () => {
    expect(uploadTypeOf({ name: 'leads.ndjson', type: '' })).toBe('application/x-ndjson')
    expect(uploadTypeOf({ name: 'leads.jsonl', type: '' })).toBe('application/x-ndjson')
    expect(uploadTypeOf({ name: 'x', type: 'application/ndjson' })).toBe('application/x-ndjson')
  })

  it('refuses other files, naming them', () => {
    expect(uploadProblem({ name: 'leads.xlsx', type: '', size: 10 })).toBe(
      'Choose a .csv or .ndjson file (leads.xlsx is neither).',
    )
  })

  it('refuses an empty file and one over 32 MB', () => {
    expect(uploadProblem({ name: 'a.csv', type: '', size: 0 })).toBe('a.csv is empty.')
    expect(uploadProblem({ name: 'a.csv', type: '', size: 40 * 1024 * 1024 })).toBe(
      'a.csv is 40 MB; the limit is 32 MB.',
    )
    expect(uploadProblem({ name: 'a.csv', type: '', size: 32 * 1024 * 1024 })).toBeNull()
  })
})
