import { useState, type ReactNode } from 'react'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { TextField } from '../ui/text-field.tsx'

interface NoteDialogProps {
  title: string
  intro: ReactNode
  confirm: string
  noteLabel: string
  required?: boolean
  busy: boolean
  onConfirm: (note: string) => void
  onClose: () => void
  /** Shown between the intro and the note (the approve dialog shows the impact here). */
  children?: ReactNode
  wide?: boolean
}

/** Submit, approve, publish: each asks for a short note that goes into the history. */
export function NoteDialog({
  title,
  intro,
  confirm,
  noteLabel,
  required,
  busy,
  onConfirm,
  onClose,
  children,
  wide,
}: NoteDialogProps) {
  const [note, setNote] = useState('')
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      actions={
        <ConfirmActions
          confirm={confirm}
          working="Working…"
          busy={busy}
          disabled={required && !note.trim()}
          onConfirm={() => onConfirm(note.trim())}
          onCancel={onClose}
        />
      }
    >
      <div className="small" style={{ marginBottom: 16, color: 'var(--ink-600)' }}>
        {intro}
      </div>
      {children}
      <TextField id="transition-note" label={noteLabel} multiline value={note} onChange={setNote} />
    </Dialog>
  )
}
