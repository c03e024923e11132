import type { VersionView } from '../api/types.ts'
import type { User } from '../api/types.ts'
import { useEditor } from '../canvas/store-context.tsx'

export type VersionAction =
  'save' | 'submit' | 'approve-marketing' | 'approve-sales' | 'publish' | 'reopen' | 'new-draft'

interface VersionBarProps {
  view: VersionView
  user: User
  busy: string | null
  onAction: (action: VersionAction) => void
}

const statusWords: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
  archived: 'Archived',
}

/**
 * Where this version stands and what you can do with it: save a draft, send it for review,
 * sign off for your side, publish once both sides have signed.
 */
export function VersionBar({ view, user, busy, onAction }: VersionBarProps) {
  const dirty = useEditor((state) => state.dirty)
  const errors = useEditor(
    (state) => state.validation?.issues.filter((issue) => issue.severity === 'error').length ?? 0,
  )
  const name = useEditor((state) => state.meta?.name) ?? view.ruleset.name
  const roles = new Set(user.roles)
  const editor = roles.has('marketing') || roles.has('sales') || roles.has('admin')
  const signed = (role: 'marketing' | 'sales') =>
    view.approvals.find((a) => a.role === role && a.current)
  const canApprove = (role: 'marketing' | 'sales') =>
    view.status === 'in_review' && roles.has(role) && !signed(role)
  return (
    <div className="version-bar">
      <div className="version-title">
        <h2 className="clamp-1" title={name}>
          {name}
        </h2>
        <span className="version-chip">v{view.version}</span>
        <span className={`badge badge-${view.status}`} data-testid="version-status">
          {statusWords[view.status]}
        </span>
        {view.status === 'draft' && (
          <span
            className={dirty ? 'save-state save-state-dirty' : 'save-state'}
            data-testid="save-state"
          >
            {dirty ? '● Unsaved changes' : '✓ Saved'}
          </span>
        )}
      </div>
      <div className="signoff" aria-label="Sign-off">
        {(['marketing', 'sales'] as const).map((role) => {
          const approval = signed(role)
          return (
            <div
              key={role}
              className={approval ? `signoff-item is-signed signoff-${role}` : 'signoff-item'}
              data-testid={`signoff-${role}`}
            >
              <span className="signoff-check">{approval ? '✓' : '○'}</span>
              <span>
                <strong>{role === 'marketing' ? 'Marketing' : 'Sales'}</strong>
                <span className="small muted">
                  {approval ? ` ${approval.email}` : ' not signed'}
                </span>
              </span>
            </div>
          )
        })}
      </div>
      <div className="version-actions">
        {view.status === 'draft' && editor && (
          <>
            <button
              className="btn"
              onClick={() => onAction('save')}
              disabled={busy !== null || !dirty}
              title="Save (Ctrl+S)"
            >
              {busy === 'save' ? 'Saving…' : 'Save draft'}
            </button>
            <button
              className="btn btn-primary"
              onClick={() => onAction('submit')}
              disabled={busy !== null}
              title={errors ? `${errors} errors to fix first` : 'Send for review'}
            >
              Submit for review
            </button>
          </>
        )}
        {(['marketing', 'sales'] as const).map(
          (role) =>
            canApprove(role) && (
              <button
                key={role}
                className="btn btn-primary"
                onClick={() =>
                  onAction(role === 'marketing' ? 'approve-marketing' : 'approve-sales')
                }
                disabled={busy !== null}
              >
                Approve as {role}
              </button>
            ),
        )}
        {view.status === 'approved' && editor && (
          <button
            className="btn btn-primary"
            onClick={() => onAction('publish')}
            disabled={busy !== null || !view.signOff.complete}
          >
            Publish
          </button>
        )}
        {(view.status === 'in_review' || view.status === 'approved') && editor && (
          <button className="btn" onClick={() => onAction('reopen')} disabled={busy !== null}>
            Back to draft
          </button>
        )}
        {(view.status === 'published' ||
          view.status === 'archived' ||
          view.status === 'in_review' ||
          view.status === 'approved') &&
          editor && (
            <button className="btn" onClick={() => onAction('new-draft')} disabled={busy !== null}>
              New draft from v{view.version}
            </button>
          )}
      </div>
    </div>
  )
}
