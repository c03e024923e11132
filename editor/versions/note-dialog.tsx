import { useState, type ReactNode } from 'react'
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
        <>
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            disabled={busy || (required && !note.trim())}
            onClick={() => onConfirm(note.trim())}
          >
            {busy ? 'Working…' : confirm}
          </button>
        </>
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
