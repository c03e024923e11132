import { useState, type ReactNode } from 'react'
import { messageOf } from '../api/client.ts'
import { ConfirmActions } from './confirm-actions.tsx'
import { Dialog } from './dialog.tsx'
import { ErrorAlert } from './error-alert.tsx'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  /** The button's words: "Delete Mia Marketing", never just "OK". */
  confirm: string
  danger?: boolean
  onConfirm: () => Promise<void>
  onClose: () => void
}

/** Asks before something that cannot be undone, and shows the server's answer if it fails. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirm, danger, onConfirm, onClose } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      onClose()
    } catch (failure) {
      setError(messageOf(failure))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm={confirm}
          working="Working…"
          busy={busy}
          danger={danger}
          onConfirm={() => void run()}
          onCancel={onClose}
        />
      }
    >
      <ErrorAlert message={error} />
      <div className="small">{children}</div>
    </Dialog>
  )
}
