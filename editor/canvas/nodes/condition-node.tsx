import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { formatValue, operatorSpec } from '../../../engine/index.ts'
import { expectedText } from '../../model/index.ts'
import type { FlowNode } from '../../store/flow-elements.ts'
import { useCatalog, useEditor } from '../store-context.tsx'
import { NodeFrame, ResultIcon } from './node-frame.tsx'

export const ConditionNode = memo(function ConditionNode({
  id,
  data,
  selected,
}: NodeProps<FlowNode>) {
  const catalog = useCatalog()
  const mark = useEditor((state) => state.marks.get(id))
  if (data.kind !== 'condition') return null
  const field = catalog.get(data.fact)
  const spec = operatorSpec(data.operator)
  return (
    <NodeFrame id={id} kind="condition" selected={selected} inputs={false} output>
      <div className="lg-node-eyebrow">
        <span>{field?.category ?? 'Custom field'}</span>
        <ResultIcon mark={mark} />
      </div>
      <div className="lg-node-title">{field?.label ?? data.fact}</div>
      <div className="lg-node-body">
        <span className="lg-op">{spec.label}</span>{' '}
        {spec.value !== 'none' && <strong>{expectedText(data.operator, data.value, field)}</strong>}
      </div>
      {mark && (
        <div className="lg-node-actual">
          Lead: {mark.actual === undefined ? 'unknown' : formatValue(mark.actual, field)}
        </div>
      )}
    </NodeFrame>
  )
})
