import { useEditor } from '../canvas/store-context.tsx'
import type { NodeData } from '../store/flow-elements.ts'
import { Field } from '../ui/field.tsx'
import { NumberInput } from '../ui/number-input.tsx'

interface PolicyFieldsProps {
  id: string
  data: Extract<NodeData, { kind: 'policy' }>
  disabled: boolean
}

/** Score thresholds and the persona and segment settings. */
export function PolicyFields({ id, data, disabled }: PolicyFieldsProps) {
  const update = useEditor((state) => state.updateNode)
  return (
    <>
      <p className="small muted" style={{ marginBottom: 12 }}>
        When no requirement or disqualifier decides, the score does.
      </p>
      <Field label="Accept at (points)" hint="Leads at or above this go to sales.">
        <NumberInput
          label="Accept at"
          value={data.acceptAt}
          disabled={disabled}
          onChange={(acceptAt) => acceptAt !== undefined && update(id, { acceptAt }, 'acceptAt')}
        />
      </Field>
      <Field
        label="Nurture at (points)"
        hint="Between the two, marketing nurtures the lead; below, it is rejected."
      >
        <NumberInput
          label="Nurture at"
          value={data.nurtureAt}
          disabled={disabled}
          onChange={(nurtureAt) =>
            nurtureAt !== undefined && update(id, { nurtureAt }, 'nurtureAt')
          }
        />
      </Field>
      <Field label="List personas matching at least">
        <NumberInput
          label="Persona match"
          suffix="%"
          value={Math.round(data.personaMinMatch * 100)}
          disabled={disabled}
          onChange={(share) =>
            share !== undefined &&
            update(
              id,
              { personaMinMatch: Math.min(100, Math.max(0, share)) / 100 },
              'personaMinMatch',
            )
          }
        />
      </Field>
      <Field
        label="Smallest worthwhile segment (leads)"
        hint="Impact reports warn about segments smaller than this."
      >
        <NumberInput
          label="Smallest segment"
          value={data.minSegmentSize}
          disabled={disabled}
          onChange={(minSegmentSize) =>
            minSegmentSize !== undefined &&
            update(
              id,
              { minSegmentSize: Math.max(0, Math.round(minSegmentSize)) },
              'minSegmentSize',
            )
          }
        />
      </Field>
    </>
  )
}
