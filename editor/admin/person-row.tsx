import { memo } from 'react'
import { formatDate } from '../ui/format-date.ts'
import type { Person } from './admin-types.ts'
import { roleChoices } from './people-roles.ts'

interface PersonRowProps {
  person: Person
  isYou: boolean
  onEdit: () => void
  onReset: () => void
  onDisable: () => void
  onEnable: () => void
  onDelete: () => void
}

const roleOrder = roleChoices.map((choice) => choice.role)

/**
 * One account and what an admin can do with it. Your own row has no disable or delete (the
 * server refuses both) and points to the account menu for your password.
 */
export const PersonRow = memo(function PersonRow(props: PersonRowProps) {
  const { person, isYou, onEdit, onReset, onDisable, onEnable, onDelete } = props
  const roles = [...person.roles].sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))
  return (
    <tr
      className={person.disabled ? 'is-disabled' : undefined}
      data-testid={`person-${person.email}`}
    >
      <td>
        <div className="person-name">
          {person.name}
          {isYou && <span className="you-tag">you</span>}
        </div>
        <div className="small muted">{person.email}</div>
      </td>
      <td>
        <span className="user-roles">
          {roles.map((role) => (
            <span key={role} className={`badge badge-${role}`}>
              {role}
            </span>
          ))}
        </span>
      </td>
      <td>
        {person.disabled ? (
          <span className="badge badge-disabled">Disabled</span>
        ) : (
          <span className="status-active">Active</span>
        )}
      </td>
      <td className="small muted nowrap">{formatDate(person.createdAt)}</td>
      <td>
        <div className="row-actions">
          <button className="btn btn-ghost btn-small" onClick={onEdit}>
            Edit
          </button>
          {!isYou && (
            <>
              <button className="btn btn-ghost btn-small" onClick={onReset}>
                Reset password
              </button>
              {person.disabled ? (
                <button className="btn btn-ghost btn-small" onClick={onEnable}>
                  Enable
                </button>
              ) : (
                <button className="btn btn-ghost btn-small" onClick={onDisable}>
                  Disable
                </button>
              )}
              <button className="btn btn-ghost btn-small btn-danger" onClick={onDelete}>
                Delete
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  )
})
