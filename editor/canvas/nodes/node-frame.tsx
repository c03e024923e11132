import { Handle, Position } from '@xyflow/react'
import type { ReactNode } from 'react'
import type { GraphIssue, TraceMark } from '../../model/index.ts'
import { useEditor } from '../store-context.tsx'

interface NodeFrameProps {
  id: string
  kind: string
  selected: boolean
  inputs: boolean
  output: boolean
  children: ReactNode
  className?: string
}

const noIssues: GraphIssue[] = []

/**
 * The box every node kind is drawn in: handles, selection, the test result colour, the
 * comparison highlight, and the validation message in words under the content.
 */
export function NodeFrame({
  id,
  kind,
  selected,
  inputs,
  output,
  children,
  className,
}: NodeFrameProps) {
  const issues = useEditor((state) => state.validation?.byNode.get(id) ?? noIssues)
  const mark = useEditor((state) => state.marks.get(id))
  const highlight = useEditor((state) => state.highlights.get(id))
  const error = issues.find((issue) => issue.severity === 'error')
  const warning = issues.find((issue) => issue.severity === 'warning')
  const shown = error ?? warning
  const classes = [
    'lg-node',
    `lg-node-${kind}`,
    className,
    selected && 'is-selected',
    mark && `is-${mark.result}`,
    error ? 'has-error' : warning && 'has-warning',
    highlight && `is-${highlight}`,
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className={classes}
      data-testid={`node-${kind}`}
      data-result={mark?.result}
      data-issue={shown?.severity}
      data-highlight={highlight}
    >
      {inputs && <Handle type="target" position={Position.Left} className="lg-handle" />}
      {children}
      {shown && (
        <div className={`lg-node-issue lg-node-issue-${shown.severity}`} role="note">
          {shown.message}
          {issues.length > 1 && <span className="muted"> (+{issues.length - 1} more)</span>}
        </div>
      )}
      {highlight && <div className="lg-node-highlight-tag">{highlight}</div>}
      {output && <Handle type="source" position={Position.Right} className="lg-handle" />}
    </div>
  )
}

export function ResultIcon({ mark }: { mark: TraceMark | undefined }) {
  if (!mark) return null
  const symbol = mark.result === 'pass' ? '✓' : mark.result === 'fail' ? '✕' : '?'
  return (
    <span className={`lg-result lg-result-${mark.result}`} title={mark.result}>
      {symbol}
    </span>
  )
}
