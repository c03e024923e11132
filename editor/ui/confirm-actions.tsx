interface ConfirmActionsProps {
  /** What the primary button says ("Create draft"). */
  confirm: string
  /** What it says while the action runs ("Creating…"). */
  working: string
  busy: boolean
  /** Off for reasons other than running (a required field is empty). */
  disabled?: boolean
  /** For what cannot be undone: the primary button looks destructive. */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A dialog's Cancel and primary buttons. The primary one is off while the action runs, so a
 * double click does not send it twice, and says that it is running.
 *
 * @example
 * <Dialog title="New ruleset" onClose={onClose} actions={
 *   <ConfirmActions confirm="Create draft" working="Creating…" busy={busy}
 *     onConfirm={() => void create()} onCancel={onClose} />
 * }>…</Dialog>
 */
export function ConfirmActions({
  confirm,
  working,
  busy,
  disabled,
  danger,
  onConfirm,
  onCancel,
}: ConfirmActionsProps) {
  return (
    <>
      <button className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button
        className={danger ? 'btn btn-primary btn-destructive' : 'btn btn-primary'}
        disabled={busy || disabled}
        onClick={onConfirm}
      >
        {busy ? working : confirm}
      </button>
    </>
  )
}
