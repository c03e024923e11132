import { personaProfileFields, type PersonaProfileField } from '../model/index.ts'
import { useEditor } from '../canvas/store-context.tsx'
import { TextField } from '../ui/text-field.tsx'
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
      <TextField
        id="persona-name"
        label="Persona name"
        value={data.name}
        disabled={disabled}
        onChange={(name) => update(id, { name }, 'name')}
      />
      <OwnerPicker
        value={data.owner}
        disabled={disabled}
        onChange={(owner) => update(id, { owner })}
      />
      <TextField
        id="persona-role"
        label="Role"
        multiline
        placeholder="What this person does"
        value={data.role ?? ''}
        disabled={disabled}
        onChange={(role) => update(id, { role: role || undefined }, 'role')}
      />
      <p className="small muted" style={{ marginBottom: 12 }}>
        One item per line. A lead matches a persona to a degree: the share of its criteria that
        hold.
      </p>
      {personaProfileFields.map((key) => (
        <TextField
          key={key}
          id={`persona-${key}`}
          label={profileWords[key].label}
          multiline
          placeholder={profileWords[key].hint}
          value={data[key].join('\n')}
          disabled={disabled}
          onChange={(text) =>
            update(
              id,
              {
                [key]: text
                  .split('\n')
                  .filter((line, at, all) => line.trim() !== '' || at === all.length - 1),
              },
              key,
            )
          }
          onBlur={(text) =>
            update(
              id,
              {
                [key]: text
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
              },
              key,
            )
          }
        />
      ))}
      <TextField
        id="persona-id"
        label="Persona id"
        mono
        value={data.personaId}
        disabled={disabled}
        onChange={(personaId) => update(id, { personaId }, 'personaId')}
      />
    </>
  )
}
