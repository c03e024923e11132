import { hrefOf } from '../app/hash-route.ts'
import type { Simulation } from '../api/types.ts'

const SHOWN = 50

/** The leads whose outcome this version changes, each with the rule that changed it. */
export function FlipList({ simulation }: { simulation: Simulation }) {
  const total = simulation.flips.reduce((sum, flip) => sum + flip.count, 0)
  if (total === 0) {
    return <p className="small muted">No lead changes outcome with this version.</p>
  }
  return (
    <>
      <ul className="flip-groups">
        {simulation.flips.map((flip) => (
          <li key={`${flip.from}-${flip.to}`} className="small">
            <span className={`badge badge-${flip.from}`}>{flip.from}</span> →{' '}
            <span className={`badge badge-${flip.to}`}>{flip.to}</span>{' '}
            <strong>{flip.count.toLocaleString('en-US')}</strong>
            <span className="muted">
              {' '}
              ({flip.causes.map((cause) => `${cause.ruleId} ${cause.count}`).join(', ')})
            </span>
          </li>
        ))}
      </ul>
      <ul className="flip-rows" data-testid="flip-list">
        {simulation.flipped.slice(0, SHOWN).map((lead, at) => (
          <li key={lead.decisionId ?? at} className="flip-row" data-testid="flip">
            {lead.decisionId ? (
              <a className="lead-link" href={hrefOf({ name: 'decision', id: lead.decisionId })}>
                {lead.leadId ?? 'no id'}
              </a>
            ) : (
              <span className="lead-link">{lead.leadId ?? 'no id'}</span>
            )}
            <span className="flip-change">
              <span className={`badge badge-${lead.from}`}>{lead.from}</span> →{' '}
              <span className={`badge badge-${lead.to}`}>{lead.to}</span>
            </span>
            <span className="small muted flip-rule">
              flipped by <span className="reason-chip">{lead.ruleId}</span>
            </span>
          </li>
        ))}
      </ul>
      {total > SHOWN && (
        <p className="small muted">
          Showing {Math.min(SHOWN, simulation.flipped.length)} of {total.toLocaleString('en-US')}{' '}
          changed leads.
        </p>
      )}
    </>
  )
}
