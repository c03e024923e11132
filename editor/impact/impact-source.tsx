import { useState } from 'react'
import { uploadProblem } from './lead-upload.ts'

/** What the impact report replays: the newest logged decisions, or a file of leads. */
export type ImpactSource =
  | { kind: 'log'; lastN: number }
  | { kind: 'upload'; file: File; mapping: '' | 'salesforce' | 'hubspot' }

const samples = [1_000, 10_000, 100_000]

/** Picks the leads to replay and starts the run. */
export function ImpactSourcePicker({
  busy,
  ran,
  onRun,
}: {
  busy: boolean
  ran: boolean
  onRun: (source: ImpactSource) => void
}) {
  const [kind, setKind] = useState<'log' | 'upload'>('log')
  const [lastN, setLastN] = useState(10_000)
  const [file, setFile] = useState<File | null>(null)
  const [mapping, setMapping] = useState<'' | 'salesforce' | 'hubspot'>('')
  const problem = kind === 'upload' && file ? uploadProblem(file) : null
  const ready = kind === 'log' || (file !== null && problem === null)
  return (
    <div className="impact-source">
      <div className="segmented" role="radiogroup" aria-label="Leads to replay">
        <button role="radio" aria-checked={kind === 'log'} onClick={() => setKind('log')}>
          Logged decisions
        </button>
        <button role="radio" aria-checked={kind === 'upload'} onClick={() => setKind('upload')}>
          Upload leads
        </button>
      </div>
      <div className="impact-run">
        {kind === 'log' ? (
          <>
            <label htmlFor="impact-sample" className="small">
              The last
            </label>
            <select
              id="impact-sample"
              className="select"
              value={lastN}
              onChange={(event) => setLastN(Number(event.target.value))}
            >
              {samples.map((size) => (
                <option key={size} value={size}>
                  {size.toLocaleString('en-US')} decisions
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <input
              className="impact-file"
              type="file"
              aria-label="Leads file (CSV or NDJSON)"
              accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <select
              className="select"
              aria-label="Columns"
              value={mapping}
              onChange={(event) => setMapping(event.target.value as typeof mapping)}
            >
              <option value="">Lead fields</option>
              <option value="salesforce">Salesforce</option>
              <option value="hubspot">HubSpot</option>
            </select>
          </>
        )}
        <button
          className="btn btn-primary"
          disabled={busy || !ready}
          onClick={() =>
            onRun(kind === 'log' ? { kind, lastN } : { kind: 'upload', file: file!, mapping })
          }
        >
          {ran ? 'Run again' : 'Run impact'}
        </button>
      </div>
      {problem && (
        <p className="small field-error" role="alert">
          {problem}
        </p>
      )}
      {kind === 'upload' && !problem && (
        <p className="small muted">
          A CSV with a header row or NDJSON, one lead a line, up to 32 MB; compared with the
          published version. Columns named as lead fields (company.employees), or a CRM export.
        </p>
      )}
    </div>
  )
}
