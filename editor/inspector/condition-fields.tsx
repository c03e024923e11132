import { operatorSpec, type FieldSpec } from '../../engine/index.ts'
import { operatorsFor, reshapeValue, type ConditionNode } from '../model/index.ts'
import { useCatalog, useEditor } from '../canvas/store-context.tsx'
import type { NodeData } from '../store/flow-elements.ts'
import { Field } from '../ui/field.tsx'
import { ValueInput } from './value-input.tsx'

interface ConditionFieldsProps {
  id: string
  data: Extract<NodeData, { kind: 'condition' }>
  disabled: boolean
}

/** Field, comparison and value of one condition. */
export function ConditionFields({ id, data, disabled }: ConditionFieldsProps) {
  const catalog = useCatalog()
  const update = useEditor((state) => state.updateNode)
  const lists = useEditor((state) => state.meta?.lists)
  const field = catalog.get(data.fact)
  const byCategory = groupFields(catalog)
  const set = (patch: Partial<ConditionNode>, key: string) => update(id, patch, key)

  return (
    <>
      <Field
        htmlFor="condition-field"
        label="Lead field"
        hint={
          field?.derivedFrom &&
          `Worked out from ${catalog.get(field.derivedFrom)?.label ?? field.derivedFrom} when the lead does not say.`
        }
      >
        <select
          id="condition-field"
          className="select"
          value={data.fact}
          disabled={disabled}
          onChange={(event) => {
            const next = catalog.get(event.target.value)
            const operator = operatorsFor(next).includes(data.operator)
              ? data.operator
              : operatorsFor(next)[0]!
            set(
              {
                fact: event.target.value,
                operator,
                value: reshapeValue(data.value, operator, next),
              },
              'fact',
            )
          }}
        >
          {!field && <option value={data.fact}>{data.fact} (not in the catalog)</option>}
          {[...byCategory].map(([category, fields]) => (
            <optgroup key={category} label={category}>
              {fields.map((item) => (
                <option key={item.path} value={item.path}>
                  {item.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <Field htmlFor="condition-operator" label="Comparison">
        <select
          id="condition-operator"
          className="select"
          value={data.operator}
          disabled={disabled}
          onChange={(event) => {
            const operator = event.target.value as ConditionNode['operator']
            set({ operator, value: reshapeValue(data.value, operator, field) }, 'operator')
          }}
        >
          {operatorsFor(field).map((name) => (
            <option key={name} value={name}>
              {operatorSpec(name).label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Value">
        <ValueInput
          operator={data.operator}
          field={field}
          value={data.value}
          lists={Object.keys(lists ?? {})}
          disabled={disabled}
          onChange={(value) => set({ value }, 'value')}
        />
      </Field>
    </>
  )
}

function groupFields(catalog: ReadonlyMap<string, FieldSpec>): Map<string, FieldSpec[]> {
  const groups = new Map<string, FieldSpec[]>()
  for (const field of catalog.values()) {
    groups.set(String(field.category), [...(groups.get(String(field.category)) ?? []), field])
  }
  return groups
}
