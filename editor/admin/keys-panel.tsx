import { useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import type { AsyncState } from '../app/use-async.ts'
import { formatDate } from '../ui/format-date.ts'
import { ConfirmDialog } from '../ui/confirm-dialog.tsx'
import { EmptyState, ErrorState } from '../ui/empty-state.tsx'
import { TableSkeleton } from '../ui/table-skeleton.tsx'
import { useToast } from '../ui/toasts.tsx'
import type { ApiKeyView, Person } from './admin-types.ts'
import { lastUsedText } from './last-used.ts'
import { NewKeyDialog } from './new-key-dialog.tsx'

interface KeysPanelProps {
  state: AsyncState<ApiKeyView[]>
  reload: () => void
  /** To show who created a key by name rather than by id. */
  people: readonly Person[]
}

/** Keys for systems (CRM, forms, batch jobs) that ask for decisions; active ones first. */
export function KeysPanel({ state, reload, people }: KeysPanelProps) {
  const toast = useToast()
  const [creating, setCreating] = useState(false)
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null)
  const keys =
    state.status === 'ready'
      ? [...state.value].sort(
          (a, b) =>
            Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
            b.createdAt.localeCompare(a.createdAt),
        )
      : []
  const now = new Date()
  const creator = (id: string) => people.find((person) => person.id === id)?.name ?? 'a former user'
  const newKeyButton = (
    <button className="btn btn-primary" onClick={() => setCreating(true)}>
      + New API key
    </button>
  )
  return (
    <section aria-label="API keys">
      <div className="admin-section-head">
        <p className="muted small">
          Systems send leads to <code>POST /api/evaluate</code> with a key. A key can only ask for
          decisions: it cannot read or change rulesets, people or other keys.
        </p>
        {keys.length > 0 && newKeyButton}
      </div>
      <div className="card table-card">
        {state.status === 'loading' && <TableSkeleton label="Loading API keys" />}
        {state.status === 'error' && (
          <ErrorState message={messageOf(state.error)} onRetry={reload} />
        )}
        {state.status === 'ready' && keys.length === 0 && (
          <EmptyState icon="⚿" title="No API keys yet" action={newKeyButton}>
            Your CRM, web forms or batch jobs need a key to ask leadgate for decisions. Create one
            per system, so you can revoke one without stopping the others.
          </EmptyState>
        )}
        {state.status === 'ready' && keys.length > 0 && (
          <table className="table admin-table" data-testid="keys-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Scope</th>
                <th>Created</th>
                <th>Last used</th>
                <th>Status</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr
                  key={key.id}
                  className={key.revokedAt ? 'is-disabled' : undefined}
                  data-testid={`key-${key.name}`}
                >
                  <td>
                    <div className="person-name">{key.name}</div>
                    <div className="small muted mono">{key.id}</div>
                  </td>
                  <td>
                    <span className="badge badge-scope">{key.scope}</span>
                  </td>
                  <td className="small">
                    {formatDate(key.createdAt)}
                    <div className="muted">by {creator(key.createdBy)}</div>
                  </td>
                  <td className="small nowrap">{lastUsedText(key.lastUsedAt, now)}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge badge-disabled">
                        Revoked {formatDate(key.revokedAt)}
                      </span>
                    ) : (
                      <span className="status-active">Active</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      {!key.revokedAt && (
                        <button
                          className="btn btn-ghost btn-small btn-danger"
                          onClick={() => setRevoking(key)}
                        >
                          Revoke
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {creating && <NewKeyDialog onClose={() => setCreating(false)} onCreated={() => reload()} />}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirm="Revoke key"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await unwrap(client.api.keys[':keyId'].$delete({ param: { keyId: revoking.id } }))
            toast(`“${revoking.name}” revoked`)
            reload()
          }}
        >
          Every system using this key gets “401 the API key is not valid or was revoked” from now
          on. This cannot be undone: to reconnect them, create a new key.
        </ConfirmDialog>
      )}
    </section>
  )
}
