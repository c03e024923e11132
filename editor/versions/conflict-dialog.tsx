import { useMemo } from 'react'
import { diffRulesets, mergeRulesets, type ChangeItem } from '../model/index.ts'
import { Dialog } from '../ui/dialog.tsx'
import type { SaveConflict } from './use-version-actions.ts'

interface ConflictDialogProps {
  conflict: SaveConflict
  busy: boolean
  onReload: () => void
  onMerge: (merged: SaveConflict['mine'], conflicts: string[]) => void
  onOverwrite: () => void
  onClose: () => void
}

/**
 * Someone saved this draft after you opened it. Shows what they changed and what you changed
 * since then, and lets you take theirs, merge both (item by item), or overwrite theirs.
 */
export function ConflictDialog({
  conflict,
  busy,
  onReload,
  onMerge,
  onOverwrite,
  onClose,
}: ConflictDialogProps) {
  const theirs = useMemo(
    () => diffRulesets(conflict.base, conflict.theirs.ruleset).changes,
    [conflict],
  )
  const mine = useMemo(() => diffRulesets(conflict.base, conflict.mine).changes, [conflict])
  const merge = useMemo(
    () => mergeRulesets(conflict.base, conflict.mine, conflict.theirs.ruleset),
    [conflict],
  )
  const who = conflict.theirs.history.at(-1)?.email ?? 'someone'
  // Submitted or approved meanwhile: it can no longer take edits, only be looked at or reopened.
  const editable = conflict.theirs.status === 'draft'
  return (
    <Dialog
      wide
      title={
        editable
          ? 'This draft changed while you were editing'
          : `Version ${conflict.theirs.version} was ${conflict.theirs.status.replace('_', ' ')} while you were editing`
      }
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onReload} disabled={busy}>
            Discard mine, load theirs
          </button>
          {editable && (
            <button className="btn btn-danger" onClick={onOverwrite} disabled={busy}>
              Overwrite theirs
            </button>
          )}
          {editable && (
            <button
              className="btn btn-primary"
              onClick={() => onMerge(merge.merged, merge.conflicts)}
              disabled={busy}
            >
              Merge both
            </button>
          )}
        </>
      }
    >
      <p className="small" style={{ marginBottom: 16 }} data-testid="conflict-intro">
        {who} saved version {conflict.theirs.version} at{' '}
        {new Date(conflict.theirs.updatedAt).toLocaleTimeString()}. Nothing of yours is lost: choose
        how to go on.
      </p>
      <div className="conflict-columns">
        <ChangeColumn title={`Their changes (${who})`} changes={theirs} />
        <ChangeColumn title="Your unsaved changes" changes={mine} />
      </div>
      {!editable ? (
        <div className="alert alert-warning" style={{ marginTop: 16 }}>
          Version {conflict.theirs.version} is now {conflict.theirs.status.replace('_', ' ')}, so it
          takes no more edits. Load it to review it; to change it, reopen it as a draft and apply
          your changes again.
        </div>
      ) : merge.conflicts.length > 0 ? (
        <div className="alert alert-warning" style={{ marginTop: 16 }}>
          Both of you changed {merge.conflicts.join(', ')}. Merging keeps your version of{' '}
          {merge.conflicts.length === 1 ? 'it' : 'them'}.
        </div>
      ) : (
        <div className="alert alert-info" style={{ marginTop: 16 }}>
          Your changes and theirs touch different items: merging keeps both.
        </div>
      )}
    </Dialog>
  )
}

export function ChangeColumn({ title, changes }: { title: string; changes: ChangeItem[] }) {
  return (
    <section>
      <h4 className="section-title" style={{ marginTop: 0 }}>
        {title}
      </h4>
      {changes.length === 0 ? (
        <p className="small muted">No changes.</p>
      ) : (
        <ChangeList changes={changes} />
      )}
    </section>
  )
}

const areaWords = { rule: 'Rule', persona: 'Persona', policy: '', list: 'List', ruleset: 'Ruleset' }

export function ChangeList({ changes }: { changes: ChangeItem[] }) {
  return (
    <ul className="change-list" data-testid="change-list">
      {changes.map((item) => (
        <li key={`${item.area}:${item.id}`} className={`change change-${item.change}`}>
          <div className="change-head">
            <span className={`change-tag change-tag-${item.change}`}>{item.change}</span>
            <strong>
              {areaWords[item.area]} {item.name}
            </strong>
          </div>
          {item.fields.length > 0 && (
            <ul className="change-fields">
              {item.fields.map((field, at) => (
                <li key={at}>
                  <span className="muted">{field.field}:</span>{' '}
                  {field.before !== undefined && <del>{field.before}</del>}
                  {field.before !== undefined && field.after !== undefined && ' → '}
                  {field.after !== undefined && <ins>{field.after}</ins>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}
