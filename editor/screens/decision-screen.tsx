import { messageOf } from '../api/client.ts'
import { AppHeader } from '../app/app-header.tsx'
import { hrefOf } from '../app/hash-route.ts'
import { useAsync } from '../app/use-async.ts'
import { decidedAt } from '../audit/decision-table.tsx'
import { LeadFacts } from '../audit/lead-facts.tsx'
import { loadDecision } from '../audit/load-decision.ts'
import { ReplayPicker } from '../audit/replay-picker.tsx'
import { TraceGraph } from '../audit/trace-graph.tsx'
import { DecisionFlags } from '../flags/decision-flags.tsx'
import { DecisionView } from '../testing/decision-view.tsx'
import { ErrorState, Loading } from '../ui/empty-state.tsx'

/**
 * One decision, explained: outcome, score, reasons with the side that owns each rule,
 * persona matches, the lead as it was, and the version's graph with the trace drawn on it.
 * From here a person replays the lead on another version or flags the decision as wrong.
 */
export function DecisionScreen({ id }: { id: string }) {
  const [state, reload] = useAsync(() => loadDecision(id), id)
  const decision = state.status === 'ready' ? state.value.decision : null
  return (
    <div className="page page-editor">
      <AppHeader>
        <a href={hrefOf({ name: 'audit', filters: {} })}>Decisions</a>
        <span className="crumb-sep">/</span>
        <span>Lead {decision ? (decision.leadId ?? 'without id') : '…'}</span>
      </AppHeader>
      {state.status === 'loading' && <Loading label="Loading the decision…" />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} onRetry={reload} />}
      {state.status === 'ready' && decision && (
        <div className="decision-page">
          <aside className="decision-side">
            <div className="decision-meta">
              <h1 className="decision-lead" data-testid="decision-lead">
                {decision.leadId ?? 'Lead without id'}
              </h1>
              <div className="small muted">
                Decided {decidedAt(decision.evaluatedAt)} by{' '}
                <a
                  href={hrefOf({
                    name: 'editor',
                    id: decision.ruleset.id,
                    version: decision.ruleset.version,
                  })}
                >
                  {state.value.version.ruleset.name} v{decision.ruleset.version}
                </a>
                {' · '}
                asked by {decision.source.kind === 'key' ? 'API key' : 'user'}{' '}
                <code>{decision.source.id}</code>
              </div>
            </div>
            <ReplayPicker
              decisionId={decision.decisionId}
              rulesetId={decision.ruleset.id}
              current={decision.ruleset.version}
            />
            <DecisionFlags decision={decision} ruleset={state.value.version.ruleset} />
            <DecisionView decision={decision} source="as logged" />
            <h4 className="section-title">The lead as it was</h4>
            <LeadFacts lead={decision.lead} ruleset={state.value.version.ruleset} />
          </aside>
          <section className="decision-graph">
            <TraceGraph ruleset={state.value.version.ruleset} decision={decision} />
          </section>
        </div>
      )}
    </div>
  )
}
