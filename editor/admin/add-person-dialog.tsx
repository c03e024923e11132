import { useState, type FormEvent } from 'react'
import { client, unwrap } from '../api/client.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { FormTextField } from '../ui/form-text-field.tsx'
import type { Person, Role } from './admin-types.ts'
import { generatePassword } from './generate-password.ts'
import { PasswordChoice } from './password-choice.tsx'
import { RoleCheckboxes } from './role-checkboxes.tsx'
import { SignInDetailsDialog } from './sign-in-details.tsx'
import { ErrorAlert } from '../ui/error-alert.tsx'
import { useFormSubmit } from '../ui/use-form-submit.ts'
import { noRoleProblem } from './people-roles.ts'

type Field = 'email' | 'name' | 'roles' | 'password'
const fields: Field[] = ['email', 'name', 'roles', 'password']

interface AddPersonDialogProps {
  onClose: () => void
  onAdded: (person: Person) => void
}

/** A new account: email, name, roles and a first password; then the sign-in details, once. */
export function AddPersonDialog({ onClose, onAdded }: AddPersonDialogProps) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [roles, setRoles] = useState<Role[]>([])
  const [password, setPassword] = useState(() => generatePassword())
  const { errors, busy, submit: send } = useFormSubmit<Field>(fields)
  const [added, setAdded] = useState<Person | null>(null)

  const submit = (event?: FormEvent) =>
    send(
      event,
      async () => {
        const person = await unwrap(
          client.api.users.$post({
            json: { email: email.trim(), name: name.trim(), password, roles },
          }),
        )
        setAdded(person)
        onAdded(person)
      },
      noRoleProblem(roles),
    )

  if (added) {
    return (
      <SignInDetailsDialog
        title={`${added.name} can sign in now`}
        note={`Send these details privately. The password is not shown again; ${added.name} can change it from the account menu after signing in.`}
        email={added.email}
        password={password}
        onClose={onClose}
      />
    )
  }

  return (
    <Dialog
      title="Add a person"
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Add person"
          working="Adding…"
          busy={busy}
          disabled={!email.trim() || !name.trim() || !password}
          onConfirm={() => void submit()}
          onCancel={onClose}
        />
      }
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorAlert message={errors.general} />
        <FormTextField
          id="person-name"
          label="Name"
          value={name}
          onChange={setName}
          error={errors.fields.name}
          placeholder="e.g. Mia Meyer"
        />
        <FormTextField
          id="person-email"
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          placeholder="mia@example.com"
        />
        <RoleCheckboxes roles={roles} onChange={setRoles} error={errors.fields.roles} />
        <PasswordChoice
          id="person-password"
          label="First password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <button type="submit" hidden />
      </form>
    </Dialog>
  )
}
