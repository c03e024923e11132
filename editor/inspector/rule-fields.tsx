import { defaultOnMissing, type OnMissing, type RuleKind } from '../../engine/index.ts'
import { useEditor } from '../canvas/store-context.tsx'
import type { NodeData } from '../store/flow-elements.ts'
import { Field } from '../ui/field.tsx'
import { NumberInput } from '../ui/number-input.tsx'
import { TextField } from '../ui/text-field.tsx'
import { OwnerPicker } from './owner-picker.tsx'

interface RuleFieldsProps {
  id: string
  data: Extract<NodeData, { kind: 'rule' }>
  disabled: boolean
}

const kindHelp: Record<RuleKind, string> = {
  require: 'The lead is rejected unless this holds.',
  disqualify: 'The lead is rejected when this holds.',
  score: 'The lead earns the points when this holds.',
}

const missingWords: Record<OnMissing, string> = {
  nurture: 'Send the lead to nurture',
  reject: 'Reject the lead',
  pass: 'Ignore this rule',
}

/** Name, id, owning side, kind, points, what missing data means, rationale. */
export function RuleFields({ id, data, disabled }: RuleFieldsProps) {
  const update = useEditor((state) => state.updateNode)
  return (
    <>
      <TextField
        id="rule-name"
        label="Rule name"
        value={data.name}
        disabled={disabled}
        onChange={(name) => update(id, { name }, 'name')}
      />
      <OwnerPicker
        value={data.owner}
        disabled={disabled}
        onChange={(owner) => update(id, { owner })}
        hint="The side that answers for this rule and explains it to the other."
      />
      <Field htmlFor="rule-kind" label="What it does" hint={kindHelp[data.ruleKind]}>
        <select
          id="rule-kind"
          className="select"
          value={data.ruleKind}
          disabled={disabled}
          onChange={(e) => {
            const ruleKind = e.target.value as RuleKind
            update(id, { ruleKind, points: ruleKind === 'score' ? (data.points ?? 10) : undefined })
          }}
        >
          <option value="require">Requirement</option>
          <option value="disqualify">Disqualifier</option>
          <option value="score">Score</option>
        </select>
      </Field>
      {data.ruleKind === 'score' && (
        <Field label="Points" hint="Negative points lower the score.">
          <NumberInput
            label="Points"
            value={data.points}
            disabled={disabled}
            onChange={(points) => update(id, { points }, 'points')}
            invalid={data.points === undefined}
          />
        </Field>
      )}
      <Field htmlFor="rule-missing" label="When the lead does not say">
        <select
          id="rule-missing"
          className="select"
          value={data.onMissing ?? ''}
          disabled={disabled}
          onChange={(e) =>
            update(id, { onMissing: (e.target.value || undefined) as OnMissing | undefined })
          }
        >
          <option value="">
            Default: {missingWords[defaultOnMissing[data.ruleKind]].toLowerCase()}
          </option>
          {(['nurture', 'reject', 'pass'] as const).map((value) => (
            <option key={value} value={value}>
              {missingWords[value]}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id="rule-rationale"
        label="Rationale"
        multiline
        placeholder="Why this rule exists, in a sentence the other side will accept"
        value={data.rationale ?? ''}
        disabled={disabled}
        onChange={(rationale) => update(id, { rationale: rationale || undefined }, 'rationale')}
        hint="Shown with every decision this rule makes."
      />
      <TextField
        id="rule-id"
        label="Rule id"
        mono
        value={data.ruleId}
        disabled={disabled}
        onChange={(ruleId) => update(id, { ruleId }, 'ruleId')}
        hint="Used in decisions and reports; lower-case letters, digits and dashes."
      />
      <label className="check">
        <input
          type="checkbox"
          checked={data.enabled !== false}
          disabled={disabled}
          onChange={(e) => update(id, { enabled: e.target.checked ? undefined : false })}
        />
        Rule is switched on
      </label>
    </>
  )
}
