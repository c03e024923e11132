import { useState } from 'react'
import { client, unwrap } from '../api/client.ts'
import { CopyButton } from '../ui/copy-button.tsx'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { FormTextField } from '../ui/form-text-field.tsx'
import type { CreatedKey } from './admin-types.ts'
import { evaluateCurl } from './evaluate-example.ts'
import { ErrorAlert } from '../ui/error-alert.tsx'
import { useFormSubmit } from '../ui/use-form-submit.ts'

interface NewKeyDialogProps {
  onClose: () => void
  onCreated: (key: CreatedKey) => void
}

/** A ruleset systems can try the key on: a published one, else the shipped example. */
async function exampleRuleset(): Promise<string> {
  try {
    const { rulesets } = await unwrap(client.api.rulesets.$get())
    return (rulesets.find((ruleset) => ruleset.published) ?? rulesets[0])?.id ?? 'b2b-inbound'
  } catch {
    return 'b2b-inbound'
  }
}

/** Names a key, creates it and shows it this one time, with a request to try it. */
export function NewKeyDialog({ onClose, onCreated }: NewKeyDialogProps) {
  const [name, setName] = useState('')
  const { errors, busy, submit } = useFormSubmit(['name'])
  const [created, setCreated] = useState<{ key: CreatedKey; ruleset: string } | null>(null)
  const create = () =>
    submit(undefined, async () => {
      const [key, ruleset] = await Promise.all([
        unwrap(client.api.keys.$post({ json: { name: name.trim(), scope: 'evaluate' } })),
        exampleRuleset(),
      ])
      setCreated({ key, ruleset })
      onCreated(key)
    })

  if (created) {
    const curl = evaluateCurl({
      origin: window.location.origin,
      key: created.key.key,
      ruleset: created.ruleset,
    })
    return (
      <Dialog
        title={`Key “${created.key.name}” created`}
        wide
        onClose={onClose}
        actions={
          <button className="btn btn-primary" onClick={onClose}>
            I have copied the key
          </button>
        }
      >
        <div className="alert alert-warning" style={{ marginBottom: 12 }}>
          Copy the key now. leadgate keeps only a hash of it and cannot show it again; if it is
          lost, revoke it and create a new one.
        </div>
        <div className="secret-row" style={{ marginBottom: 16 }}>
          <code className="secret-value" data-testid="new-api-key">
            {created.key.key}
          </code>
          <CopyButton text={created.key.key} label="Copy key" />
        </div>
        <div className="field-label">Try it</div>
        <p className="small muted" style={{ margin: '4px 0 8px' }}>
          Asks for a decision on a sample lead against <code>{created.ruleset}</code>:
        </p>
        <pre className="code-block" data-testid="curl-example">
          {curl}
        </pre>
        <CopyButton text={curl} label="Copy command" />
      </Dialog>
    )
  }

  return (
    <Dialog
      title="New API key"
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Create key"
          working="Creating…"
          busy={busy}
          disabled={!name.trim()}
          onConfirm={() => void create()}
          onCancel={onClose}
        />
      }
    >
      <ErrorAlert message={errors.general} />
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim()) void create()
        }}
      >
        <FormTextField
          id="key-name"
          label="Name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          placeholder="e.g. Salesforce webhook"
        />
      </form>
      <div className="field">
        <span className="field-label">Scope</span>
        <div className="small">
          <span className="badge badge-scope">evaluate</span>{' '}
          <span className="muted">
            may call <code>POST /api/evaluate</code> and <code>/api/evaluate/batch</code>, nothing
            else
          </span>
        </div>
      </div>
    </Dialog>
  )
}
