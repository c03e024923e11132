import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { FlowNode } from '../../store/flow-elements.ts'
import { NodeFrame } from './node-frame.tsx'

export const PolicyNode = memo(function PolicyNode({ id, data, selected }: NodeProps<FlowNode>) {
  if (data.kind !== 'policy') return null
  return (
    <NodeFrame id={id} kind="policy" selected={selected} inputs={false} output={false}>
      <div className="lg-node-eyebrow">
        <span className="lg-kind lg-kind-policy">Thresholds</span>
      </div>
      <div className="lg-thresholds">
        <div>
          <strong>{data.acceptAt}+</strong>
          <span className="badge badge-accepted">accepted</span>
        </div>
        <div>
          <strong>
            {data.nurtureAt < data.acceptAt ? `${data.nurtureAt}–${data.acceptAt - 1}` : '—'}
          </strong>
          <span className="badge badge-nurture">nurture</span>
        </div>
        <div>
          <strong>&lt; {data.nurtureAt}</strong>
          <span className="badge badge-rejected">rejected</span>
        </div>
      </div>
    </NodeFrame>
  )
})
