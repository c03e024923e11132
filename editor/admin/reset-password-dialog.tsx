import { useState } from 'react'
import { client, unwrap } from '../api/client.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import type { Person } from './admin-types.ts'
import { generatePassword } from './generate-password.ts'
import { PasswordChoice } from './password-choice.tsx'
import { SignInDetailsDialog } from './sign-in-details.tsx'
import { ErrorAlert } from '../ui/error-alert.tsx'
import { useFormSubmit } from '../ui/use-form-submit.ts'

interface ResetPasswordDialogProps {
  person: Person
  onClose: () => void
}

/** A new password for someone who lost theirs; their open sessions end. */
export function ResetPasswordDialog({ person, onClose }: ResetPasswordDialogProps) {
  const [password, setPassword] = useState(() => generatePassword())
  const { errors, busy, submit } = useFormSubmit(['password'])
  const [done, setDone] = useState(false)
  const reset = () =>
    submit(undefined, async () => {
      await unwrap(
        client.api.users[':userId'].$patch({ param: { userId: person.id }, json: { password } }),
      )
      setDone(true)
    })
  if (done) {
    return (
      <SignInDetailsDialog
        title={`New password for ${person.name}`}
        note={`${person.name} was signed out everywhere. Send these details privately; the password is not shown again.`}
        email={person.email}
        password={password}
        onClose={onClose}
      />
    )
  }
  return (
    <Dialog
      title={`Reset ${person.name}’s password`}
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Reset password"
          working="Resetting…"
          busy={busy}
          disabled={!password}
          onConfirm={() => void reset()}
          onCancel={onClose}
        />
      }
    >
      <p className="small muted" style={{ marginBottom: 12 }}>
        {person.name} ({person.email}) is signed out on every device and signs in again with the new
        password.
      </p>
      <ErrorAlert message={errors.general} />
      <PasswordChoice
        id="reset-password"
        label="New password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
    </Dialog>
  )
}
