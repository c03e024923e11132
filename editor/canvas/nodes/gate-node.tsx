import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { FlowNode } from '../../store/flow-elements.ts'
import { useEditor } from '../store-context.tsx'
import { NodeFrame, ResultIcon } from './node-frame.tsx'

const words = { all: 'ALL of', any: 'ANY of', not: 'NOT' } as const

export const GateNode = memo(function GateNode({ id, data, selected }: NodeProps<FlowNode>) {
  const mark = useEditor((state) => state.marks.get(id))
  if (data.kind !== 'gate') return null
  return (
    <NodeFrame
      id={id}
      kind="gate"
      selected={selected}
      inputs
      output
      className={`lg-gate-${data.gate}`}
    >
      <div className="lg-gate-label">
        {words[data.gate]}
        <ResultIcon mark={mark} />
      </div>
    </NodeFrame>
  )
})
