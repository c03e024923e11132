import { defaultOnMissing, type OnMissing, type RuleKind } from '../../engine/index.ts'
import { useEditor } from '../canvas/store-context.tsx'
import type { NodeData } from '../store/flow-elements.ts'
import { NumberInput } from '../ui/number-input.tsx'
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
      <div className="field">
        <label htmlFor="rule-name">Rule name</label>
        <input
          id="rule-name"
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
        hint="The side that answers for this rule and explains it to the other."
      />
      <div className="field">
        <label htmlFor="rule-kind">What it does</label>
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
        <span className="field-hint">{kindHelp[data.ruleKind]}</span>
      </div>
      {data.ruleKind === 'score' && (
        <div className="field">
          <span className="field-label">Points</span>
          <NumberInput
            label="Points"
            value={data.points}
            disabled={disabled}
            onChange={(points) => update(id, { points }, 'points')}
            invalid={data.points === undefined}
          />
          <span className="field-hint">Negative points lower the score.</span>
        </div>
      )}
      <div className="field">
        <label htmlFor="rule-missing">When the lead does not say</label>
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
      </div>
      <div className="field">
        <label htmlFor="rule-rationale">Rationale</label>
        <textarea
          id="rule-rationale"
          className="textarea"
          placeholder="Why this rule exists, in a sentence the other side will accept"
          value={data.rationale ?? ''}
          disabled={disabled}
          onChange={(e) => update(id, { rationale: e.target.value || undefined }, 'rationale')}
        />
        <span className="field-hint">Shown with every decision this rule makes.</span>
      </div>
      <div className="field">
        <label htmlFor="rule-id">Rule id</label>
        <input
          id="rule-id"
          className="input mono"
          value={data.ruleId}
          disabled={disabled}
          onChange={(e) => update(id, { ruleId: e.target.value }, 'ruleId')}
        />
        <span className="field-hint">
          Used in decisions and reports; lower-case letters, digits and dashes.
        </span>
      </div>
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
