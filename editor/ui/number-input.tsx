import { useEffect, useState } from 'react'

interface NumberInputProps {
  value: number | undefined
  onChange: (value: number | undefined) => void
  label: string
  disabled?: boolean
  prefix?: string
  suffix?: string
  step?: number
  invalid?: boolean
}

/**
 * A number field that lets people type freely ("-", "1e", an empty box) and reports a number
 * only when the text is one; an empty box is "no value", which validation then names.
 */
export function NumberInput({
  value,
  onChange,
  label,
  disabled,
  prefix,
  suffix,
  step,
  invalid,
}: NumberInputProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value))
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current !== ''
        ? current
        : value === undefined
          ? ''
          : String(value),
    )
  }, [value])
  return (
    <div className="affix">
      {prefix && <span className="affix-part">{prefix}</span>}
      <input
        className={invalid ? 'input invalid' : 'input'}
        inputMode="decimal"
        aria-label={label}
        value={text}
        step={step}
        disabled={disabled}
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          const parsed = Number(next.replace(/[, _]/g, ''))
          onChange(next.trim() === '' || !Number.isFinite(parsed) ? undefined : parsed)
        }}
      />
      {suffix && <span className="affix-part">{suffix}</span>}
    </div>
  )
}
