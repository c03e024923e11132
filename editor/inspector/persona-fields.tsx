import { personaProfileFields, type PersonaProfileField } from '../model/index.ts'
import { useEditor } from '../canvas/store-context.tsx'
import { OwnerPicker } from './owner-picker.tsx'
import type { NodeData } from '../store/flow-elements.ts'

interface PersonaFieldsProps {
  id: string
  data: Extract<NodeData, { kind: 'persona' }>
  disabled: boolean
}

const profileWords: Record<PersonaProfileField, { label: string; hint: string }> = {
  responsibilities: { label: 'Responsibilities', hint: 'What they answer for' },
  priorities: { label: 'Priorities', hint: 'What matters most to them this year' },
  threats: { label: 'Threats', hint: 'What endangers their goals' },
  influencers: { label: 'Influencers', hint: 'Who they listen to' },
  motivations: { label: 'Motivations', hint: 'What they personally want' },
  objections: { label: 'Objections', hint: 'What stops them choosing us' },
  triggers: { label: 'Buying triggers', hint: 'Situations that start a purchase' },
}

/** A persona: its matching criteria are wired in on the canvas; its profile is written here. */
export function PersonaFields({ id, data, disabled }: PersonaFieldsProps) {
  const update = useEditor((state) => state.updateNode)
  return (
    <>
      <div className="field">
        <label htmlFor="persona-name">Persona name</label>
        <input
          id="persona-name"
          className="input"
          value={data.name}
          disabled={disabled}
          onChange={(e) => update(id, { name: e.target.value }, 'name')}
        />
      </div>
      <OwnerPicker
        value={data.owner}
        disabled={disabled}
        onChange={(owner) => update(id, { owner })}
      />
      <div className="field">
        <label htmlFor="persona-role">Role</label>
        <textarea
          id="persona-role"
          className="textarea"
          placeholder="What this person does"
          value={data.role ?? ''}
          disabled={disabled}
          onChange={(e) => update(id, { role: e.target.value || undefined }, 'role')}
        />
      </div>
      <p className="small muted" style={{ marginBottom: 12 }}>
        One item per line. A lead matches a persona to a degree: the share of its criteria that
        hold.
      </p>
      {personaProfileFields.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`persona-${key}`}>{profileWords[key].label}</label>
          <textarea
            id={`persona-${key}`}
            className="textarea"
            placeholder={profileWords[key].hint}
            value={data[key].join('\n')}
            disabled={disabled}
            onChange={(e) =>
              update(
                id,
                {
                  [key]: e.target.value
                    .split('\n')
                    .filter((line, at, all) => line.trim() !== '' || at === all.length - 1),
                },
                key,
              )
            }
            onBlur={(e) =>
              update(
                id,
                {
                  [key]: e.target.value
                    .split('\n')
                    .map((line) => line.trim())
                    .filter(Boolean),
                },
                key,
              )
            }
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor="persona-id">Persona id</label>
        <input
          id="persona-id"
          className="input mono"
          value={data.personaId}
          disabled={disabled}
          onChange={(e) => update(id, { personaId: e.target.value }, 'personaId')}
        />
      </div>
    </>
  )
}
