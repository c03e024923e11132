import { useState, type FormEvent } from 'react'
import { client, unwrap } from '../api/client.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { FormTextField } from '../ui/form-text-field.tsx'
import { useToast } from '../ui/toasts.tsx'
import { useFormSubmit } from '../ui/use-form-submit.ts'
import { newPasswordProblem } from './new-password.ts'
import { ErrorAlert } from '../ui/error-alert.tsx'

type Field = 'currentPassword' | 'newPassword' | 'repeat'
const fields: Field[] = ['currentPassword', 'newPassword']

/**
 * Your own password: the current one, then the new one twice. The server signs out your other
 * devices; this one stays signed in.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast()
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [repeat, setRepeat] = useState('')
  const { errors, busy, submit: send } = useFormSubmit<Field>(fields)
  const submit = (event?: FormEvent) =>
    send(
      event,
      async () => {
        await unwrap(client.api.auth.password.$post({ json: { currentPassword, newPassword } }))
        toast('Password changed. Your other devices were signed out.')
        onClose()
      },
      newPasswordProblem(currentPassword, newPassword, repeat),
    )
  return (
    <Dialog
      title="Change your password"
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Change password"
          working="Changing…"
          busy={busy}
          onConfirm={() => void submit()}
          onCancel={onClose}
        />
      }
    >
      <p className="small muted" style={{ marginBottom: 12 }}>
        You stay signed in here; anywhere else you are signed in, you will be signed out.
      </p>
      <ErrorAlert message={errors.general} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormTextField
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
          error={errors.fields.currentPassword}
        />
        <FormTextField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNew}
          error={errors.fields.newPassword}
          hint="At least 10 characters."
        />
        <FormTextField
          id="repeat-password"
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.fields.repeat}
        />
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}
