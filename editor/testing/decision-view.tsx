import type { Decision } from '../../engine/index.ts'

const effectWords: Record<string, string> = {
  rejected: 'rejected',
  nurture: 'nurture',
  points: 'points',
  none: 'info',
}

/** Outcome, score, reasons in words with the owning side, and persona matches. */
export function DecisionView({ decision, source }: { decision: Decision; source: string }) {
  return (
    <div className="decision" data-testid="decision" data-outcome={decision.outcome}>
      <div className="decision-head">
        <span className={`outcome outcome-${decision.outcome}`}>{decision.outcome}</span>
        <div>
          <div className="decision-score">
            Score <strong>{decision.score}</strong>
          </div>
          <div className="small muted">{source}</div>
        </div>
      </div>
      <h4 className="section-title">Reasons</h4>
      <ul className="reasons">
        {decision.reasons.map((reason, at) => (
          <li key={at} className={`reason reason-${reason.effect}`} data-testid="reason">
            <span className={`reason-mark reason-mark-${reason.effect}`}>
              {reason.effect === 'points'
                ? `${(reason.points ?? 0) >= 0 ? '+' : ''}${reason.points}`
                : reason.kind === 'policy' && reason.effect === 'none'
                  ? 'score'
                  : effectWords[reason.effect]}
            </span>
            <span className="reason-text">{reason.text}</span>
            {reason.owner && <span className={`badge badge-${reason.owner}`}>{reason.owner}</span>}
          </li>
        ))}
      </ul>
      <h4 className="section-title">Personas</h4>
      {decision.personas.length === 0 ? (
        <p className="small muted">No persona reaches the match threshold.</p>
      ) : (
        <ul className="personas">
          {decision.personas.map((persona) => (
            <li key={persona.id}>
              <div className="persona-row">
                <strong>{persona.name}</strong>
                <span>{Math.round(persona.match * 100)}%</span>
              </div>
              <div className="meter">
                <span style={{ width: `${persona.match * 100}%` }} />
              </div>
              {persona.missing.length > 0 && (
                <p className="small muted">Missing: {persona.missing.join('; ')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
