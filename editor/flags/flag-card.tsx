import type { ReactNode } from 'react'
import { hrefOf } from '../app/hash-route.ts'
import { decidedAt } from '../audit/decision-table.tsx'
import type { Flag } from './flag-types.ts'

const statusWords = { open: 'Open', resolved: 'Resolved', dismissed: 'Dismissed' }

/** One flag: who disputes what and why, what they expected, and how it was closed. */
export function FlagCard({
  flag,
  showLead,
  actions,
}: {
  flag: Flag
  /** Link to the decision (on the ruleset's list; the decision page is already there). */
  showLead?: boolean
  actions?: ReactNode
}) {
  return (
    <li className={`flag-card flag-${flag.status}`} data-testid="flag">
      <div className="flag-head">
        <span className={`badge badge-${flag.side}`}>{flag.side}</span>
        <strong className="small">{flag.createdBy.name}</strong>
        <span className={`flag-status flag-status-${flag.status}`}>{statusWords[flag.status]}</span>
      </div>
      <div className="small muted">{decidedAt(flag.createdAt)}</div>
      {showLead && (
        <div className="small">
          Lead{' '}
          <a href={hrefOf({ name: 'decision', id: flag.decisionId })}>
            {flag.leadId ?? flag.decisionId}
          </a>{' '}
          on v{flag.version}
        </div>
      )}
      <p className="flag-comment">{flag.comment}</p>
      <div className="flag-facts small">
        <span>
          Decided <span className={`badge badge-${flag.outcome}`}>{flag.outcome}</span>
        </span>
        {flag.suggestedOutcome && (
          <span>
            should be{' '}
            <span className={`badge badge-${flag.suggestedOutcome}`}>{flag.suggestedOutcome}</span>
          </span>
        )}
        {flag.ruleIds.length > 0 && (
          <span>
            disputes{' '}
            {flag.ruleIds.map((id) => (
              <span key={id} className="reason-chip">
                {id}
              </span>
            ))}
          </span>
        )}
      </div>
      {flag.resolution && (
        <div className="flag-resolution small">
          {statusWords[flag.status]} by {flag.resolution.by.name}, {decidedAt(flag.resolution.at)}:{' '}
          “{flag.resolution.note}”
        </div>
      )}
      {actions && <div className="flag-actions">{actions}</div>}
    </li>
  )
}
