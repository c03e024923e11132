import { useState } from 'react'
import type { FieldSpec } from '../../engine/index.ts'

/** Checkboxes for a pick-list; long lists (countries) get a filter box. */
export function PickList({
  field,
  value,
  disabled,
  onChange,
}: {
  field: FieldSpec
  value: string[]
  disabled: boolean
  onChange: (value: string[]) => void
}) {
  const [filter, setFilter] = useState('')
  const options = field.options ?? []
  const needle = filter.trim().toLowerCase()
  const shown = options.filter(
    (option) =>
      !needle ||
      option.label.toLowerCase().includes(needle) ||
      option.value.toLowerCase().includes(needle),
  )
  const toggle = (option: string) =>
    onChange(value.includes(option) ? value.filter((item) => item !== option) : [...value, option])
  return (
    <div className="picklist">
      {options.length > 12 && (
        <input
          className="input"
          type="search"
          placeholder={`Filter ${options.length} options…`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter options"
        />
      )}
      <div className="picklist-chosen small muted">
        {value.length === 0 ? 'Nothing chosen yet' : `${value.length} chosen`}
      </div>
      <ul className="picklist-options">
        {shown.map((option) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                checked={value.includes(option.value)}
                disabled={disabled}
                onChange={() => toggle(option.value)}
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}
