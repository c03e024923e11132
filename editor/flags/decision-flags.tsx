import { useState } from 'react'
import type { Ruleset } from '../../engine/index.ts'
import { messageOf } from '../api/client.ts'
import { canEdit, useUser } from '../app/session.tsx'
import { useAsync } from '../app/use-async.ts'
import type { StoredDecision } from '../audit/load-decision.ts'
import { useToast } from '../ui/toasts.tsx'
import { FlagCard } from './flag-card.tsx'
import { FlagDialog } from './flag-dialog.tsx'
import { flagsOfDecision } from './flags-api.ts'

/** The flags raised on a decision, and the button to raise one. */
export function DecisionFlags({
  decision,
  ruleset,
}: {
  decision: StoredDecision
  ruleset: Ruleset
}) {
  const user = useUser()
  const toast = useToast()
  const [state, reload] = useAsync(() => flagsOfDecision(decision.decisionId), decision.decisionId)
  const [open, setOpen] = useState(false)
  const mineOpen =
    state.status === 'ready' &&
    state.value.flags.some((flag) => flag.status === 'open' && flag.createdBy.id === user.id)
  return (
    <section className="decision-flags" aria-label="Flags">
      <div className="section-head">
        <h4 className="section-title">Flags</h4>
        {canEdit(user) && (
          <button
            className="btn btn-small"
            onClick={() => setOpen(true)}
            disabled={mineOpen}
            title={mineOpen ? 'You already have an open flag on this decision' : undefined}
          >
            ⚑ Flag this decision
          </button>
        )}
      </div>
      {state.status === 'loading' && <p className="small muted">Loading flags…</p>}
      {state.status === 'error' && (
        <p className="small field-error">
          {messageOf(state.error)}{' '}
          <button className="btn btn-ghost btn-small" onClick={reload}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'ready' && state.value.flags.length === 0 && (
        <p className="small muted">
          Nobody has disputed this decision. If it is wrong, flag it: the flag reaches both sides.
        </p>
      )}
      {state.status === 'ready' && state.value.flags.length > 0 && (
        <ul className="flag-list">
          {state.value.flags.map((flag) => (
            <FlagCard key={flag.flagId} flag={flag} />
          ))}
        </ul>
      )}
      {open && (
        <FlagDialog
          decision={decision}
          ruleset={ruleset}
          onClose={() => setOpen(false)}
          onRaised={() => {
            setOpen(false)
            toast('Flag raised: it shows on the ruleset as an open change request')
            reload()
          }}
        />
      )}
    </section>
  )
}
