import { useState, type KeyboardEvent } from 'react'

interface TagInputProps {
  values: string[]
  onChange: (values: string[]) => void
  placeholder?: string
  disabled?: boolean
  label: string
  /** Offered as suggestions while typing. */
  suggestions?: readonly string[]
}

/** A list of words or phrases: Enter or comma adds one, Backspace on empty removes the last. */
export function TagInput({
  values,
  onChange,
  placeholder,
  disabled,
  label,
  suggestions,
}: TagInputProps) {
  const [draft, setDraft] = useState('')
  const listId = suggestions ? `tags-${label.replace(/\W+/g, '-')}` : undefined
  const add = (text: string) => {
    const value = text.trim()
    if (value && !values.includes(value)) onChange([...values, value])
    setDraft('')
  }
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(draft)
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1))
    }
  }
  return (
    <div className="tag-input">
      {values.map((value) => (
        <span className="tag" key={value}>
          {value}
          {!disabled && (
            <button
              type="button"
              aria-label={`Remove ${value}`}
              onClick={() => onChange(values.filter((item) => item !== value))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {!disabled && (
        <input
          aria-label={label}
          value={draft}
          list={listId}
          placeholder={values.length === 0 ? placeholder : 'Add…'}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
          onBlur={() => draft && add(draft)}
        />
      )}
      {listId && (
        <datalist id={listId}>
          {suggestions!.map((item) => (
            <option key={item} value={item} />
          ))}
        </datalist>
      )}
    </div>
  )
}
