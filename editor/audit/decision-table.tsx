import { hrefOf, navigate } from '../app/hash-route.ts'
import type { DecisionRow } from './use-decision-search.ts'

const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

/** A decision's time as people in a team across time zones can compare: UTC, said so. */
export const decidedAt = (iso: string) => `${when.format(new Date(iso))} UTC`

/** One line per decision: when, which lead, which ruleset version, the outcome and why. */
export function DecisionTable({ items }: { items: DecisionRow[] }) {
  return (
    <table className="table audit-table" data-testid="decision-table">
      <thead>
        <tr>
          <th>Decided</th>
          <th>Lead</th>
          <th>Company</th>
          <th>Ruleset</th>
          <th>Outcome</th>
          <th className="num">Score</th>
          <th>Reasons</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={item.decisionId}
            data-testid="decision-row"
            onClick={() => navigate({ name: 'decision', id: item.decisionId })}
          >
            <td className="nowrap small">{decidedAt(item.evaluatedAt)}</td>
            <td>
              <a
                href={hrefOf({ name: 'decision', id: item.decisionId })}
                className="lead-link"
                onClick={(event) => event.stopPropagation()}
              >
                {item.leadId ?? 'no lead id'}
              </a>
              {item.email && <div className="small muted clamp-1">{item.email}</div>}
            </td>
            <td className="clamp-cell">{item.company ?? <span className="muted">—</span>}</td>
            <td className="nowrap">
              <span className="small">{item.rulesetId}</span>{' '}
              <span className="version-chip">v{item.version}</span>
            </td>
            <td>
              <span className={`badge badge-${item.outcome}`}>{item.outcome}</span>
            </td>
            <td className="num">{item.score}</td>
            <td>
              <div className="reason-chips">
                {item.reasonIds.slice(0, 3).map((id) => (
                  <span key={id} className="reason-chip">
                    {id}
                  </span>
                ))}
                {item.reasonIds.length > 3 && (
                  <span className="small muted">+{item.reasonIds.length - 3}</span>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
