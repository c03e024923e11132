import type { Reason } from '../../engine/index.ts'
import type { ReplaySummary } from './replay-changes.ts'

const resultWords = { pass: 'passed', fail: 'failed', unknown: 'unknown' }

function ReasonLines({ reasons, sign }: { reasons: Reason[]; sign: '+' | '−' }) {
  return (
    <ul className="replay-reasons">
      {reasons.map((reason, at) => (
        <li key={at} className={sign === '+' ? 'is-added' : 'is-removed'}>
          <span className="replay-sign" aria-hidden="true">
            {sign}
          </span>
          <span>{reason.text}</span>
          {reason.owner && <span className={`badge badge-${reason.owner}`}>{reason.owner}</span>}
        </li>
      ))}
    </ul>
  )
}

/** What a replay changed and why, above the two decisions. */
export function ReplayChangesCard({ summary }: { summary: ReplaySummary }) {
  return (
    <section className="card replay-changes" data-testid="replay-changes">
      <p
        className={summary.outcome ? 'replay-headline is-flip' : 'replay-headline'}
        data-testid="replay-headline"
      >
        {summary.headline}
      </p>
      <div className="replay-moves">
        {summary.outcome && (
          <span>
            Outcome{' '}
            <span className={`badge badge-${summary.outcome.before}`}>
              {summary.outcome.before}
            </span>{' '}
            →{' '}
            <span className={`badge badge-${summary.outcome.after}`}>{summary.outcome.after}</span>
          </span>
        )}
        <span>
          Score{' '}
          {summary.score ? (
            <strong>
              {summary.score.before} → {summary.score.after}
            </strong>
          ) : (
            'unchanged'
          )}
        </span>
      </div>
      {summary.rules.length > 0 && (
        <>
          <h4 className="section-title">Rules that decided differently</h4>
          <table className="table replay-rules">
            <tbody>
              {summary.rules.map((rule) => (
                <tr key={rule.ruleId}>
                  <td>
                    <strong>{rule.name}</strong>
                    <div className="small muted">{rule.ruleId}</div>
                  </td>
                  <td className="nowrap small">
                    {rule.before ? resultWords[rule.before] : 'not in this version'} →{' '}
                    {rule.after ? resultWords[rule.after] : 'not in this version'}
                  </td>
                  <td className="small">{rule.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {summary.reasonsRemoved.length > 0 && (
        <>
          <h4 className="section-title">Reasons that no longer apply</h4>
          <ReasonLines reasons={summary.reasonsRemoved} sign="−" />
        </>
      )}
      {summary.reasonsAdded.length > 0 && (
        <>
          <h4 className="section-title">New reasons</h4>
          <ReasonLines reasons={summary.reasonsAdded} sign="+" />
        </>
      )}
    </section>
  )
}
