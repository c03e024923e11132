import { useState } from 'react'
import { client, unwrap } from '../api/client.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { FormTextField } from '../ui/form-text-field.tsx'
import type { Person, Role } from './admin-types.ts'
import { noRoleProblem, ownRoleWarning } from './people-roles.ts'
import { RoleCheckboxes } from './role-checkboxes.tsx'
import { ErrorAlert } from '../ui/error-alert.tsx'
import { useFormSubmit } from '../ui/use-form-submit.ts'

type Field = 'email' | 'name' | 'roles'
const fields: Field[] = ['email', 'name', 'roles']

interface EditPersonDialogProps {
  person: Person
  actorId: string
  onClose: () => void
  onSaved: (person: Person) => void
}

/** Name, email and roles of an account; only what changed is sent. */
export function EditPersonDialog({ person, actorId, onClose, onSaved }: EditPersonDialogProps) {
  const [name, setName] = useState(person.name)
  const [email, setEmail] = useState(person.email)
  const [roles, setRoles] = useState<Role[]>(person.roles)
  const { errors, busy, submit } = useFormSubmit<Field>(fields)
  const warning = ownRoleWarning(actorId, person, roles)
  const changes = {
    ...(name.trim() !== person.name && { name: name.trim() }),
    ...(email.trim() !== person.email && { email: email.trim() }),
    ...(roles.join() !== person.roles.join() && { roles }),
  }
  const save = () =>
    submit(
      undefined,
      async () => {
        const saved = await unwrap(
          client.api.users[':userId'].$patch({ param: { userId: person.id }, json: changes }),
        )
        onSaved(saved)
      },
      noRoleProblem(roles),
    )
  return (
    <Dialog
      title={`Edit ${person.name}`}
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Save changes"
          working="Saving…"
          busy={busy}
          disabled={Object.keys(changes).length === 0}
          onConfirm={() => void save()}
          onCancel={onClose}
        />
      }
    >
      <ErrorAlert message={errors.general} />
      <FormTextField
        id="edit-name"
        label="Name"
        value={name}
        onChange={setName}
        error={errors.fields.name}
      />
      <FormTextField
        id="edit-email"
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
      />
      <RoleCheckboxes roles={roles} onChange={setRoles} error={errors.fields.roles} />
      {warning && (
        <div className="alert alert-warning" role="alert">
          {warning}
        </div>
      )}
    </Dialog>
  )
}
