import { useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import type { VersionView } from '../api/types.ts'
import { hrefOf, navigate } from '../app/hash-route.ts'
import { useAsync } from '../app/use-async.ts'
import { Loading, ErrorState } from '../ui/empty-state.tsx'

const actionWords: Record<string, string> = {
  create: 'created',
  edit: 'saved',
  submit: 'submitted for review',
  approve: 'approved',
  reopen: 'reopened as draft',
  publish: 'published',
  archive: 'archived',
  withdraw: 'approvals withdrawn',
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })

/** Every version with its status and change note, this version's history, and comparisons. */
export function HistoryPanel({ view }: { view: VersionView }) {
  const [state, reload] = useAsync(
    () => unwrap(client.api.rulesets[':id'].versions.$get({ param: { id: view.rulesetId } })),
    `${view.rulesetId}:${view.etag}`,
  )
  const [compareWith, setCompareWith] = useState<number | null>(null)
  const significant = view.history.filter((entry) => entry.action !== 'edit' || entry.note)
  return (
    <div className="history-panel">
      <h4 className="section-title" style={{ marginTop: 0 }}>
        Version {view.version}
      </h4>
      <ol className="timeline" data-testid="history">
        {[...significant].reverse().map((entry, at) => (
          <li key={at} className={`timeline-item timeline-${entry.action}`}>
            <div>
              <strong>{entry.email}</strong> {actionWords[entry.action] ?? entry.action}
            </div>
            <div className="small muted">{when(entry.at)}</div>
            {entry.note && <div className="timeline-note">“{entry.note}”</div>}
          </li>
        ))}
      </ol>

      <h4 className="section-title">All versions</h4>
      {state.status === 'loading' && <Loading label="Loading versions…" />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <ul className="version-list">
            {[...state.value.versions].reverse().map((item) => (
              <li
                key={item.version}
                className={item.version === view.version ? 'is-current' : undefined}
              >
                <a href={hrefOf({ name: 'editor', id: view.rulesetId, version: item.version })}>
                  <span className="version-chip">v{item.version}</span>
                  <span className={`badge badge-${item.status}`}>
                    {item.status.replace('_', ' ')}
                  </span>
                </a>
                <div className="small clamp-2">
                  {item.changeNote ?? <span className="muted">No change note</span>}
                </div>
                <div className="small muted">
                  {item.approvals
                    .filter((a) => a.current)
                    .map((a) => `${a.role}: ${a.email}`)
                    .join(' · ') || 'No sign-off'}
                </div>
              </li>
            ))}
          </ul>
          {state.value.versions.length > 1 && (
            <div className="compare-picker">
              <label htmlFor="compare-with" className="field-label">
                Compare v{view.version} with
              </label>
              <div className="row">
                <select
                  id="compare-with"
                  className="select"
                  value={compareWith ?? ''}
                  onChange={(e) => setCompareWith(Number(e.target.value) || null)}
                >
                  <option value="">Choose a version…</option>
                  {state.value.versions
                    .filter((item) => item.version !== view.version)
                    .map((item) => (
                      <option key={item.version} value={item.version}>
                        v{item.version} ({item.status.replace('_', ' ')})
                      </option>
                    ))}
                </select>
                <button
                  className="btn"
                  style={{ flex: 'none' }}
                  disabled={compareWith === null}
                  onClick={() =>
                    compareWith !== null &&
                    navigate({
                      name: 'compare',
                      id: view.rulesetId,
                      a: Math.min(compareWith, view.version),
                      b: Math.max(compareWith, view.version),
                    })
                  }
                >
                  Compare
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  )
}
