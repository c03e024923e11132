import { useState } from 'react'
import { messageOf } from '../api/client.ts'
import { canEdit, useUser } from '../app/session.tsx'
import { useAsync } from '../app/use-async.ts'
import { EmptyState, ErrorState, Loading } from '../ui/empty-state.tsx'
import { useToast } from '../ui/toasts.tsx'
import { NoteDialog } from '../versions/note-dialog.tsx'
import { FlagCard } from './flag-card.tsx'
import type { Flag, FlagStatus } from './flag-types.ts'
import { closeFlag, flagsOfRuleset } from './flags-api.ts'

const statusWords: Record<FlagStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
  all: 'All',
}

/**
 * The ruleset's flags: decisions someone from sales or marketing disputes, as open change
 * requests. Each links to its decision and can be resolved (the rules changed) or dismissed
 * (the decision stands), always with a note saying why.
 */
export function RulesetFlagsPanel({
  rulesetId,
  onChange,
}: {
  rulesetId: string
  /** A flag was resolved or dismissed (the tab's open count changes). */
  onChange?: () => void
}) {
  const user = useUser()
  const toast = useToast()
  const [status, setStatus] = useState<FlagStatus>('open')
  const [state, reload] = useAsync(
    () => flagsOfRuleset(rulesetId, status),
    `${rulesetId}/${status}`,
  )
  const [closing, setClosing] = useState<{ flag: Flag; action: 'resolve' | 'dismiss' } | null>(null)
  const [busy, setBusy] = useState(false)
  const close = async (note: string) => {
    if (!closing) return
    setBusy(true)
    try {
      await closeFlag(closing.flag.flagId, closing.action, note)
      toast(closing.action === 'resolve' ? 'Flag resolved' : 'Flag dismissed')
      setClosing(null)
      reload()
      onChange?.()
    } catch (failure) {
      toast(messageOf(failure), 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="flags-panel" data-testid="ruleset-flags">
      <div className="segmented" role="radiogroup" aria-label="Which flags">
        {(['open', 'resolved', 'dismissed', 'all'] as const).map((value) => (
          <button
            key={value}
            role="radio"
            aria-checked={status === value}
            onClick={() => setStatus(value)}
          >
            {statusWords[value]}
          </button>
        ))}
      </div>
      {state.status === 'loading' && <Loading label="Loading flags…" />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} onRetry={reload} />}
      {state.status === 'ready' && state.value.flags.length === 0 && (
        <EmptyState icon="⚑" title={status === 'open' ? 'No open flags' : 'No flags here'}>
          When sales or marketing flag a decision of this ruleset as wrong, it shows here as a
          change request.
        </EmptyState>
      )}
      {state.status === 'ready' && state.value.flags.length > 0 && (
        <ul className="flag-list">
          {state.value.flags.map((flag) => (
            <FlagCard
              key={flag.flagId}
              flag={flag}
              showLead
              actions={
                flag.status === 'open' &&
                canEdit(user) && (
                  <>
                    <button
                      className="btn btn-small"
                      onClick={() => setClosing({ flag, action: 'resolve' })}
                    >
                      Resolve
                    </button>
                    <button
                      className="btn btn-small btn-ghost"
                      onClick={() => setClosing({ flag, action: 'dismiss' })}
                    >
                      Dismiss
                    </button>
                  </>
                )
              }
            />
          ))}
        </ul>
      )}
      {closing && (
        <NoteDialog
          title={closing.action === 'resolve' ? 'Resolve flag' : 'Dismiss flag'}
          intro={
            closing.action === 'resolve'
              ? 'The rules were changed (or the lead fixed) so this decision would now come out right. Say how, so the person who flagged it knows.'
              : 'The decision stands. Say why, so the person who flagged it knows.'
          }
          confirm={closing.action === 'resolve' ? 'Resolve' : 'Dismiss'}
          noteLabel="Note"
          required
          busy={busy}
          onConfirm={(note) => void close(note)}
          onClose={() => setClosing(null)}
        />
      )}
    </div>
  )
}
