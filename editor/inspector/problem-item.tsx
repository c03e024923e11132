import type { GraphIssue } from '../model/index.ts'

interface ProblemItemProps {
  issue: GraphIssue
  /** The name of the node the problem is about ("Employees"), when it is about one. */
  label: string | undefined
  /** Finds the problem on the canvas. */
  onClick: () => void
}

/**
 * One problem of a ruleset graph as a list item a person clicks to find it: a coloured dot
 * (red for an error, amber for a warning), the node's name and the message.
 *
 * @example
 * <ul className="problem-list">
 *   {issues.map((issue, at) => (
 *     <ProblemItem key={at} issue={issue} label={labelOf(issue.nodeId)} onClick={() => …} />
 *   ))}
 * </ul>
 */
export function ProblemItem({ issue, label, onClick }: ProblemItemProps) {
  return (
    <li>
      <button className={`problem problem-${issue.severity}`} onClick={onClick}>
        <span className={`dot dot-${issue.severity === 'error' ? 'fail' : 'unknown'}`} />
        <span>
          {label && <strong>{label}: </strong>}
          {issue.message}
        </span>
      </button>
    </li>
  )
}
