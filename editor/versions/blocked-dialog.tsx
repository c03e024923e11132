import type { GraphIssue } from '../model/index.ts'
import { ProblemItem } from '../inspector/problem-item.tsx'
import { Dialog } from '../ui/dialog.tsx'

interface BlockedDialogProps {
  errors: GraphIssue[]
  /** The name of the node an error is about ("Employees", "Rule “Budget known”"). */
  labelOf: (nodeId: string | undefined) => string | undefined
  onShow: (nodeId: string) => void
  onClose: () => void
}

/** Why a version cannot be submitted yet: each error in words, with a way to find it. */
export function BlockedDialog({ errors, labelOf, onShow, onClose }: BlockedDialogProps) {
  return (
    <Dialog
      title="Fix these before submitting"
      onClose={onClose}
      actions={
        <button className="btn btn-primary" onClick={onClose}>
          Back to the canvas
        </button>
      }
    >
      <p className="small muted" style={{ marginBottom: 12 }}>
        A version goes to review only when every rule can be decided.{' '}
        {errors.length === 1 ? 'One problem is' : `${errors.length} problems are`} left:
      </p>
      <ul className="problem-list" data-testid="blocking-errors">
        {errors.map((issue, at) => (
          <ProblemItem
            key={at}
            issue={issue}
            label={labelOf(issue.nodeId)}
            onClick={() => {
              if (issue.nodeId) onShow(issue.nodeId)
              onClose()
            }}
          />
        ))}
      </ul>
    </Dialog>
  )
}
