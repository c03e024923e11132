import { useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import type { RulesetSummary, VersionListItem } from '../api/types.ts'
import { AppHeader } from '../app/app-header.tsx'
import { navigate } from '../app/hash-route.ts'
import { canEdit, useUser } from '../app/session.tsx'
import { useAsync } from '../app/use-async.ts'
import { EmptyState, ErrorState } from '../ui/empty-state.tsx'
import { NewRulesetDialog } from './new-ruleset-dialog.tsx'
import { formatDate } from '../ui/format-date.ts'
import { TableSkeleton } from '../ui/table-skeleton.tsx'

interface Row {
  summary: RulesetSummary
  versions: VersionListItem[]
}

async function loadRows(): Promise<Row[]> {
  const { rulesets } = await unwrap(client.api.rulesets.$get())
  return Promise.all(
    rulesets.map(async (summary) => {
      const { versions } = await unwrap(
        client.api.rulesets[':id'].versions.$get({ param: { id: summary.id } }),
      )
      return { summary, versions }
    }),
  )
}

/** Every ruleset: where its latest version stands, what is live, who signed it. */
export function RulesetListScreen() {
  const user = useUser()
  const [state, reload] = useAsync(loadRows, 'rulesets')
  const [creating, setCreating] = useState(false)
  return (
    <div className="page">
      {/* No breadcrumb: the section tab already says "Rulesets". */}
      <AppHeader />
      <main className="page-body">
        <div className="page-title">
          <div>
            <h1>Lead acceptance rulesets</h1>
            <p className="muted">
              What makes a lead worth sales’ time, as agreed by marketing and sales.
            </p>
          </div>
          {canEdit(user) && (
            <button className="btn btn-primary" onClick={() => setCreating(true)}>
              + New ruleset
            </button>
          )}
        </div>
        <div className="card table-card">
          {state.status === 'loading' && <TableSkeleton label="Loading rulesets" />}
          {state.status === 'error' && (
            <ErrorState message={messageOf(state.error)} onRetry={reload} />
          )}
          {state.status === 'ready' && state.value.length === 0 && (
            <EmptyState
              icon="⚑"
              title="No rulesets yet"
              action={
                canEdit(user) && (
                  <button className="btn btn-primary" onClick={() => setCreating(true)}>
                    Create the first ruleset
                  </button>
                )
              }
            >
              A ruleset holds the criteria, disqualifiers, scores and personas both teams agree on.
            </EmptyState>
          )}
          {state.status === 'ready' && state.value.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th>Ruleset</th>
                  <th>Latest version</th>
                  <th>Live version</th>
                  <th>Signed off by</th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((row) => (
                  <RulesetRow key={row.summary.id} row={row} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      </main>
      {creating && (
        <NewRulesetDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate({ name: 'editor', id, version: 1 })}
        />
      )}
    </div>
  )
}

function RulesetRow({ row }: { row: Row }) {
  const { summary, versions } = row
  const latest = versions.at(-1)
  const published = summary.published
    ? versions.find((v) => v.version === summary.published!.version)
    : undefined
  const shown = published ?? latest
  const signers = shown?.approvals.filter((approval) => approval.current) ?? []
  // The examples shipped with leadgate are published by the first start, not signed by anyone.
  const example = shown?.createdBy === 'system'
  return (
    <tr
      onClick={() => navigate({ name: 'editor', id: summary.id })}
      data-testid={`ruleset-${summary.id}`}
    >
      <td>
        <a
          href={`#/rulesets/${summary.id}`}
          className="ruleset-name"
          onClick={(e) => e.stopPropagation()}
        >
          {summary.name}
        </a>
        <div className="small muted clamp-1">{summary.description ?? summary.id}</div>
      </td>
      <td>
        <div className="inline">
          <span className="version-chip">v{summary.latest.version}</span>
          <span className={`badge badge-${summary.latest.status}`}>
            {summary.latest.status.replace('_', ' ')}
          </span>
        </div>
        <div className="small muted">updated {formatDate(summary.latest.updatedAt)}</div>
      </td>
      <td>
        {summary.published ? (
          <>
            <span className="version-chip version-chip-live">v{summary.published.version}</span>
            <div className="small muted">since {formatDate(summary.published.publishedAt)}</div>
          </>
        ) : (
          <span className="muted small">Not published yet</span>
        )}
      </td>
      <td>
        {signers.length === 0 ? (
          <span className="muted small">
            {example ? 'Example, published on first start' : 'No sign-off yet'}
          </span>
        ) : (
          <div className="signers">
            {signers.map((approval) => (
              <div key={approval.role} className="small">
                <span className={`badge badge-${approval.role}`}>{approval.role}</span>{' '}
                {approval.email}
              </div>
            ))}
          </div>
        )}
      </td>
    </tr>
  )
}
