import type { Role } from './admin-types.ts'
import { roleChoices, toggleRole } from './people-roles.ts'

interface RoleCheckboxesProps {
  roles: readonly Role[]
  onChange: (roles: Role[]) => void
  error?: string | undefined
}

/** The four roles as checkboxes, each saying what it allows. */
export function RoleCheckboxes({ roles, onChange, error }: RoleCheckboxesProps) {
  return (
    <fieldset className="field role-boxes" aria-invalid={error ? true : undefined}>
      <legend className="field-label">Roles</legend>
      {roleChoices.map((choice) => (
        <label key={choice.role} className="role-box">
          <input
            type="checkbox"
            checked={roles.includes(choice.role)}
            onChange={(event) => onChange(toggleRole(roles, choice.role, event.target.checked))}
          />
          <span className={`badge badge-${choice.role}`}>{choice.label}</span>
          <span className="small muted">{choice.hint}</span>
        </label>
      ))}
      {error && (
        <span className="field-hint field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  )
}
