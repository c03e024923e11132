import { useMemo } from 'react'
import type { FieldSpec, Lead } from '../../engine/index.ts'
import { Field } from '../ui/field.tsx'
import { NumberInput } from '../ui/number-input.tsx'
import { TagInput } from '../ui/tag-input.tsx'
import { TextField } from '../ui/text-field.tsx'
import { readPath, writePath } from './lead-paths.ts'

interface LeadFormProps {
  lead: Lead
  catalog: ReadonlyMap<string, FieldSpec>
  onChange: (lead: Lead) => void
}

/**
 * A lead typed in by hand, one input per catalog field, grouped like the palette. Empty inputs
 * leave the fact out, so the lead is "unknown" there, as a real CRM lead would be.
 */
export function LeadForm({ lead, catalog, onChange }: LeadFormProps) {
  const groups = useMemo(() => {
    const map = new Map<string, FieldSpec[]>()
    for (const field of catalog.values())
      map.set(String(field.category), [...(map.get(String(field.category)) ?? []), field])
    return [...map]
  }, [catalog])
  const set = (path: string, value: unknown) => onChange(writePath(lead, path, value))
  return (
    <div className="lead-form">
      <TextField
        id="lead-id"
        label="Lead id"
        value={typeof lead.id === 'string' || typeof lead.id === 'number' ? String(lead.id) : ''}
        placeholder="e.g. 00Q5e00000AbCdE"
        onChange={(text) => set('id', text || undefined)}
      />
      {groups.map(([category, fields]) => (
        <details
          key={category}
          className="lead-group"
          open={category === 'Company' || category === 'Contact'}
        >
          <summary>
            {category}
            <span className="muted small">
              {' '}
              · {fields.filter((field) => readPath(lead, field.path) !== undefined).length} of{' '}
              {fields.length} filled
            </span>
          </summary>
          {fields.map((field) => (
            <Field
              key={field.path}
              htmlFor={`lead-${field.path}`}
              label={field.label}
              hint={
                field.derivedFrom &&
                `Left empty, it is worked out from ${catalog.get(field.derivedFrom)?.label}.`
              }
            >
              <LeadInput
                field={field}
                value={readPath(lead, field.path)}
                onChange={(value) => set(field.path, value)}
              />
            </Field>
          ))}
        </details>
      ))}
    </div>
  )
}

function LeadInput({
  field,
  value,
  onChange,
}: {
  field: FieldSpec
  value: unknown
  onChange: (value: unknown) => void
}) {
  const id = `lead-${field.path}`
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          label={field.label}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
          prefix={field.format === 'currency' ? '$' : undefined}
        />
      )
    case 'boolean':
      return (
        <select
          id={id}
          className="select"
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
        >
          <option value="">Unknown</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      )
    case 'list':
      return (
        <TagInput
          label={field.label}
          values={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next.length ? next : undefined)}
          placeholder={`e.g. ${Array.isArray(field.example) ? field.example.join(', ') : ''}`}
        />
      )
    case 'enum':
      if (field.options) {
        return (
          <select
            id={id}
            className="select"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value || undefined)}
          >
            <option value="">{field.derivedFrom ? 'Work it out' : 'Unknown'}</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )
      }
      break
  }
  return (
    <input
      id={id}
      className="input"
      value={typeof value === 'string' ? value : ''}
      placeholder={String(field.example)}
      onChange={(e) => onChange(e.target.value || undefined)}
    />
  )
}
