import type { ReactNode } from 'react'
import type { Owner } from '../../engine/index.ts'
import { Field } from '../ui/field.tsx'

interface OwnerPickerProps {
  value: Owner | undefined
  disabled: boolean
  onChange: (owner: Owner) => void
  /** A hint under the buttons, where the node kind needs one. */
  hint?: ReactNode
}

/**
 * The owning side of a rule or persona, as two toggle buttons.
 *
 * @example
 * <OwnerPicker value={data.owner} disabled={false} onChange={(owner) => update(id, { owner })} />
 */
export function OwnerPicker({ value, disabled, onChange, hint }: OwnerPickerProps) {
  return (
    <Field label="Owner" hint={hint}>
      <div className="segmented" role="group" aria-label="Owner">
        {(['marketing', 'sales'] as const).map((owner) => (
          <button
            key={owner}
            type="button"
            aria-pressed={value === owner}
            disabled={disabled}
            onClick={() => onChange(owner)}
          >
            {owner === 'marketing' ? 'Marketing' : 'Sales'}
          </button>
        ))}
      </div>
    </Field>
  )
}
