import { useState } from 'react'
import { client, issuesOf, messageOf, unwrap } from '../api/client.ts'
import { slugOf } from '../model/index.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { TextField } from '../ui/text-field.tsx'
import { ErrorAlert } from '../ui/error-alert.tsx'

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
        <ConfirmActions
          confirm="Create draft"
          working="Creating…"
          busy={busy}
          disabled={!name.trim() || !slug}
          onConfirm={() => void create()}
          onCancel={onClose}
        />
      }
    >
      <p className="small muted" style={{ marginBottom: 16 }}>
        It starts as an empty draft: accept at 60 points, nurture at 30. Add rules on the canvas.
      </p>
      <ErrorAlert message={error} />
      <TextField
        id="new-name"
        label="Name"
        value={name}
        placeholder="e.g. Webinar sign-ups"
        onChange={setName}
      />
      <TextField
        id="new-id"
        label="Id"
        mono
        value={slug}
        onChange={(text) => {
          setIdTouched(true)
          setId(text)
        }}
        hint="Systems use it to ask for decisions: lower-case letters, digits and dashes."
      />
      <TextField
        id="new-description"
        label="Description"
        multiline
        value={description}
        placeholder="Which leads it decides"
        onChange={setDescription}
      />
    </Dialog>
  )
}
