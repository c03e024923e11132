import { useState } from 'react'
import { client, issuesOf, messageOf, unwrap } from '../api/client.ts'
import { slugOf } from '../model/index.ts'
import { Dialog } from '../ui/dialog.tsx'

interface NewRulesetDialogProps {
  onClose: () => void
  onCreated: (id: string) => void
}

/** A new, empty ruleset: version 1 is a draft with default thresholds. */
export function NewRulesetDialog({ onClose, onCreated }: NewRulesetDialogProps) {
  const [name, setName] = useState('')
  const [id, setId] = useState('')
  const [idTouched, setIdTouched] = useState(false)
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const slug = idTouched ? id : slugOf(name)
  const create = async () => {
    setBusy(true)
    setError(null)
    try {
      await unwrap(
        client.api.rulesets.$post({
          json: {
            id: slug,
            name: name.trim(),
            ...(description.trim() && { description: description.trim() }),
          },
        }),
      )
      onCreated(slug)
    } catch (failure) {
      const issues = issuesOf(failure)
      setError(
        issues.length
          ? issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
          : messageOf(failure),
      )
      setBusy(false)
    }
  }
  return (
    <Dialog
      title="New ruleset"
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            disabled={busy || !name.trim() || !slug}
            onClick={() => void create()}
          >
            {busy ? 'Creating…' : 'Create draft'}
          </button>
        </>
      }
    >
      <p className="small muted" style={{ marginBottom: 16 }}>
        It starts as an empty draft: accept at 60 points, nurture at 30. Add rules on the canvas.
      </p>
      {error && (
        <div className="alert alert-error" style={{ marginBottom: 12 }} role="alert">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="new-name">Name</label>
        <input
          id="new-name"
          className="input"
          value={name}
          placeholder="e.g. Webinar sign-ups"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-id">Id</label>
        <input
          id="new-id"
          className="input mono"
          value={slug}
          onChange={(e) => {
            setIdTouched(true)
            setId(e.target.value)
          }}
        />
        <span className="field-hint">
          Systems use it to ask for decisions: lower-case letters, digits and dashes.
        </span>
      </div>
      <div className="field">
        <label htmlFor="new-description">Description</label>
        <textarea
          id="new-description"
          className="textarea"
          value={description}
          placeholder="Which leads it decides"
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
    </Dialog>
  )
}
