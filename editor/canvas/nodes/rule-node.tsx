import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { TraceMark } from '../../model/index.ts'
import type { FlowNode } from '../../store/flow-elements.ts'
import { useEditor } from '../store-context.tsx'
import { NodeFrame } from './node-frame.tsx'

export const ruleKindWords = { require: 'Requirement', disqualify: 'Disqualifier', score: 'Score' }

const missingWords = { nurture: 'nurture', reject: 'reject', pass: 'ignore' }

export const RuleNode = memo(function RuleNode({ id, data, selected }: NodeProps<FlowNode>) {
  const mark = useEditor((state) => state.marks.get(id))
  if (data.kind !== 'rule') return null
  const points = data.ruleKind === 'score' && data.points !== undefined
  return (
    <NodeFrame
      id={id}
      kind="rule"
      selected={selected}
      inputs
      output={false}
      className={`lg-rule-${data.ruleKind}${data.enabled === false ? ' is-disabled' : ''}`}
    >
      <div className="lg-node-eyebrow">
        <span className={`lg-kind lg-kind-${data.ruleKind}`}>
          {ruleKindWords[data.ruleKind]}
          {points && ` ${data.points! > 0 ? '+' : ''}${data.points}`}
        </span>
        <span className={`badge badge-${data.owner}`}>{data.owner}</span>
      </div>
      <div className="lg-node-title">{data.name || 'Untitled rule'}</div>
      {data.rationale ? (
        <div className="lg-node-rationale">“{data.rationale}”</div>
      ) : (
        <div className="lg-node-rationale muted">No rationale yet</div>
      )}
      <div className="lg-node-foot">
        {data.enabled === false
          ? 'Switched off'
          : data.onMissing
            ? `If unknown: ${missingWords[data.onMissing]}`
            : null}
      </div>
      {mark && <RuleEffect mark={mark} kind={data.ruleKind} />}
    </NodeFrame>
  )
})

const noEffectWords = {
  require: 'Requirement met',
  disqualify: 'Not disqualified',
  score: 'No points',
}

function RuleEffect({ mark, kind }: { mark: TraceMark; kind: keyof typeof noEffectWords }) {
  const text =
    mark.effect === 'rejected'
      ? 'Rejected the lead'
      : mark.effect === 'nurture'
        ? 'Sent to nurture'
        : mark.effect === 'points'
          ? `${(mark.points ?? 0) >= 0 ? '+' : ''}${mark.points} points`
          : noEffectWords[kind]
  return <div className={`lg-effect lg-effect-${mark.effect ?? 'none'}`}>{text}</div>
}
