import { useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import { ConfirmDialog } from '../ui/confirm-dialog.tsx'
import { EmptyState, ErrorState } from '../ui/empty-state.tsx'
import { useToast } from '../ui/toasts.tsx'
import { useSession } from '../app/session.tsx'
import type { AsyncState } from '../app/use-async.ts'
import { AddPersonDialog } from './add-person-dialog.tsx'
import type { Person } from './admin-types.ts'
import { EditPersonDialog } from './edit-person-dialog.tsx'
import { signOffGap } from './people-roles.ts'
import { PersonRow } from './person-row.tsx'
import { ResetPasswordDialog } from './reset-password-dialog.tsx'
import { TableSkeleton } from '../ui/table-skeleton.tsx'

type Open =
  { kind: 'add' } | { kind: 'edit' | 'reset' | 'disable' | 'delete'; person: Person } | null

interface PeoplePanelProps {
  state: AsyncState<Person[]>
  reload: () => void
  actorId: string
}

/** Everyone who can sign in: add them, change their roles, reset, disable or remove them. */
export function PeoplePanel({ state, reload, actorId }: PeoplePanelProps) {
  const toast = useToast()
  const { refresh } = useSession()
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const people = state.status === 'ready' ? state.value : []
  const gap = state.status === 'ready' ? signOffGap(people) : null

  const setDisabled = async (person: Person, disabled: boolean) => {
    await unwrap(
      client.api.users[':userId'].$patch({ param: { userId: person.id }, json: { disabled } }),
    )
    toast(
      disabled ? `${person.name} is disabled and signed out` : `${person.name} can sign in again`,
    )
    reload()
  }
  const enable = (person: Person) =>
    setDisabled(person, false).catch((failure: unknown) => toast(messageOf(failure), 'error'))

  return (
    <section aria-label="People">
      <div className="admin-section-head">
        <p className="muted small">
          People sign in to build, test and sign off rulesets. Every publish needs a marketing and a
          sales approval by two different people.
        </p>
        <button className="btn btn-primary" onClick={() => setOpen({ kind: 'add' })}>
          + Add person
        </button>
      </div>
      {gap && (
        <div className="alert alert-warning" role="status" style={{ marginBottom: 16 }}>
          {gap}
        </div>
      )}
      <div className="card table-card">
        {state.status === 'loading' && <TableSkeleton label="Loading people" />}
        {state.status === 'error' && (
          <ErrorState message={messageOf(state.error)} onRetry={reload} />
        )}
        {state.status === 'ready' && people.length === 0 && (
          <EmptyState icon="☺" title="No one here yet">
            Add the marketing and sales people who will sign off rulesets.
          </EmptyState>
        )}
        {state.status === 'ready' && people.length > 0 && (
          <table className="table admin-table" data-testid="people-table">
            <thead>
              <tr>
                <th>Person</th>
                <th>Roles</th>
                <th>Status</th>
                <th>Added</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  isYou={person.id === actorId}
                  onEdit={() => setOpen({ kind: 'edit', person })}
                  onReset={() => setOpen({ kind: 'reset', person })}
                  onDisable={() => setOpen({ kind: 'disable', person })}
                  onEnable={() => void enable(person)}
                  onDelete={() => setOpen({ kind: 'delete', person })}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {open?.kind === 'add' && (
        <AddPersonDialog
          onClose={close}
          onAdded={(person) => {
            toast(`${person.name} added`)
            reload()
          }}
        />
      )}
      {open?.kind === 'edit' && (
        <EditPersonDialog
          person={open.person}
          actorId={actorId}
          onClose={close}
          onSaved={(person) => {
            toast(`${person.name} saved`)
            close()
            // The header shows your own name and roles; without admin, this screen explains why
            // it is closed to you.
            if (person.id === actorId) void refresh()
            reload()
          }}
        />
      )}
      {open?.kind === 'reset' && <ResetPasswordDialog person={open.person} onClose={close} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={`Disable ${open.person.name}?`}
          confirm={`Disable ${open.person.name}`}
          danger
          onClose={close}
          onConfirm={() => setDisabled(open.person, true)}
        >
          {open.person.name} ({open.person.email}) is signed out at once and cannot sign in until
          enabled again. Their approvals and the history they wrote stay as they are.
        </ConfirmDialog>
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.person.name}?`}
          confirm={`Delete ${open.person.name}`}
          danger
          onClose={close}
          onConfirm={async () => {
            await unwrap(client.api.users[':userId'].$delete({ param: { userId: open.person.id } }))
            toast(`${open.person.name} deleted`)
            reload()
          }}
        >
          {open.person.name} ({open.person.email}) loses their account for good. Approvals and
          history keep their name and email. To stop someone signing in for a while, disable them
          instead.
        </ConfirmDialog>
      )}
    </section>
  )
}
