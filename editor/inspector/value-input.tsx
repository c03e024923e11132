import {
  isListRef,
  operatorSpec,
  type ConditionValue,
  type FieldSpec,
  type OperatorName,
} from '../../engine/index.ts'
import { NumberInput } from '../ui/number-input.tsx'
import { TagInput } from '../ui/tag-input.tsx'
import { PickList } from './pick-list.tsx'

interface ValueInputProps {
  operator: OperatorName
  field: FieldSpec | undefined
  value: ConditionValue | undefined
  lists: readonly string[]
  disabled: boolean
  onChange: (value: ConditionValue | undefined) => void
}

const affixes = (field: FieldSpec | undefined) => ({
  prefix: field?.format === 'currency' ? '$' : undefined,
  suffix:
    field?.format === 'months' ? 'months' : field?.format === 'seconds' ? 'seconds' : undefined,
})

/**
 * The value box of a condition, shaped by the comparison and the field: a number, a band of
 * two numbers, a pick-list (industries, countries, seniority), a tag list of title words, or a
 * reference to one of the ruleset's named lists.
 */
export function ValueInput({ operator, field, value, lists, disabled, onChange }: ValueInputProps) {
  const shape = operatorSpec(operator).value
  const canUseList = (shape === 'array' || shape === 'text') && lists.length > 0
  if (shape === 'none')
    return <p className="small muted">No value needed: this checks the lead has one.</p>
  return (
    <div className="value-input">
      {canUseList && (
        <div className="segmented" role="group" aria-label="Value source">
          <button
            type="button"
            aria-pressed={!isListRef(value)}
            disabled={disabled}
            onClick={() => isListRef(value) && onChange(shape === 'array' ? [] : '')}
          >
            Values
          </button>
          <button
            type="button"
            aria-pressed={isListRef(value)}
            disabled={disabled}
            onClick={() => !isListRef(value) && onChange({ list: lists[0]! })}
          >
            Named list
          </button>
        </div>
      )}
      {isListRef(value) ? (
        <select
          className="select"
          aria-label="List"
          value={value.list}
          disabled={disabled}
          onChange={(event) => onChange({ list: event.target.value })}
        >
          {!lists.includes(value.list) && (
            <option value={value.list}>{value.list} (missing)</option>
          )}
          {lists.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ) : (
        <ShapedInput
          shape={shape}
          field={field}
          value={value}
          disabled={disabled}
          onChange={onChange}
        />
      )}
    </div>
  )
}

function ShapedInput({
  shape,
  field,
  value,
  disabled,
  onChange,
}: {
  shape: ReturnType<typeof operatorSpec>['value']
  field: FieldSpec | undefined
  value: ConditionValue | undefined
  disabled: boolean
  onChange: (value: ConditionValue | undefined) => void
}) {
  const { prefix, suffix } = affixes(field)
  if (shape === 'number') {
    return (
      <NumberInput
        label="Value"
        value={typeof value === 'number' ? value : undefined}
        onChange={onChange}
        disabled={disabled}
        prefix={prefix}
        suffix={suffix}
        invalid={typeof value !== 'number'}
      />
    )
  }
  if (shape === 'range') {
    const [low, high] = Array.isArray(value) ? value : []
    const set = (at: 0 | 1, next: number | undefined) => {
      const pair = [
        typeof low === 'number' ? low : undefined,
        typeof high === 'number' ? high : undefined,
      ]
      pair[at] = next
      onChange(
        pair.every((item) => item !== undefined)
          ? (pair as number[])
          : (pair.filter((i) => i !== undefined) as number[]),
      )
    }
    return (
      <div className="row">
        <NumberInput
          label="From"
          value={typeof low === 'number' ? low : undefined}
          onChange={(v) => set(0, v)}
          disabled={disabled}
          prefix={prefix}
        />
        <span className="muted small" style={{ flex: 'none' }}>
          to
        </span>
        <NumberInput
          label="To"
          value={typeof high === 'number' ? high : undefined}
          onChange={(v) => set(1, v)}
          disabled={disabled}
          prefix={prefix}
          suffix={suffix}
        />
      </div>
    )
  }
  if (shape === 'array' && field?.options) {
    return (
      <PickList
        field={field}
        value={Array.isArray(value) ? value.map(String) : []}
        disabled={disabled}
        onChange={onChange}
      />
    )
  }
  if (shape === 'array' || shape === 'text') {
    const values = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'string' && value
        ? [value]
        : []
    const numeric = field?.type === 'number'
    return (
      <TagInput
        label="Values"
        values={values}
        disabled={disabled}
        placeholder={
          field?.path === 'contact.title'
            ? 'Type a word, e.g. director, press Enter'
            : 'Type a value, press Enter'
        }
        onChange={(next) => {
          if (shape === 'text') onChange(next[0] ?? '')
          else onChange(numeric ? next.map(Number).filter(Number.isFinite) : next)
        }}
      />
    )
  }
  // One value: a pick-list, yes/no, a number or text, following the field.
  if (field?.type === 'boolean') {
    return (
      <div className="segmented" role="group" aria-label="Value">
        {[true, false].map((option) => (
          <button
            key={String(option)}
            type="button"
            aria-pressed={value === option}
            disabled={disabled}
            onClick={() => onChange(option)}
          >
            {option ? 'Yes' : 'No'}
          </button>
        ))}
      </div>
    )
  }
  if (field?.options) {
    return (
      <select
        className="select"
        aria-label="Value"
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="" disabled>
          Choose…
        </option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )
  }
  if (field?.type === 'number') {
    return (
      <NumberInput
        label="Value"
        value={typeof value === 'number' ? value : undefined}
        onChange={onChange}
        disabled={disabled}
        prefix={prefix}
        suffix={suffix}
      />
    )
  }
  return (
    <input
      className="input"
      aria-label="Value"
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
