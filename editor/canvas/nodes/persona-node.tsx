import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { FlowNode } from '../../store/flow-elements.ts'
import { useEditor } from '../store-context.tsx'
import { NodeFrame } from './node-frame.tsx'

export const PersonaNode = memo(function PersonaNode({ id, data, selected }: NodeProps<FlowNode>) {
  const mark = useEditor((state) => state.marks.get(id))
  if (data.kind !== 'persona') return null
  const profile = data.objections.length + data.triggers.length + data.priorities.length
  return (
    <NodeFrame id={id} kind="persona" selected={selected} inputs output={false}>
      <div className="lg-node-eyebrow">
        <span className="lg-kind lg-kind-persona">Persona</span>
        {data.owner && <span className={`badge badge-${data.owner}`}>{data.owner}</span>}
      </div>
      <div className="lg-node-title">{data.name || 'Untitled persona'}</div>
      <div className="lg-node-rationale">{data.role || 'No role described yet'}</div>
      <div className="lg-node-foot">
        {profile > 0
          ? `${data.priorities.length} priorities · ${data.objections.length} objections · ${data.triggers.length} triggers`
          : 'Profile not filled in'}
      </div>
      {mark && (
        <div
          className={`lg-effect ${mark.match !== undefined ? 'lg-effect-points' : 'lg-effect-none'}`}
        >
          {mark.match !== undefined
            ? `${Math.round(mark.match * 100)}% match`
            : 'Below the match threshold'}
        </div>
      )}
    </NodeFrame>
  )
})
