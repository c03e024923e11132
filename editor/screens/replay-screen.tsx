import { useMemo } from 'react'
import type { Decision } from '../../engine/index.ts'
import { client, messageOf, unwrap } from '../api/client.ts'
import { AppHeader } from '../app/app-header.tsx'
import { hrefOf } from '../app/hash-route.ts'
import { useAsync } from '../app/use-async.ts'
import { loadDecision, loadVersion } from '../audit/load-decision.ts'
import { replaySummary } from '../audit/replay-changes.ts'
import { ReplayChangesCard } from '../audit/replay-changes-card.tsx'
import { ReplayPicker } from '../audit/replay-picker.tsx'
import { diffRulesets } from '../model/index.ts'
import { DecisionView } from '../testing/decision-view.tsx'
import { ErrorState, Loading } from '../ui/empty-state.tsx'

async function loadReplay(id: string, version: number) {
  const { decision, version: made } = await loadDecision(id)
  const [other, replay] = await Promise.all([
    loadVersion(decision.ruleset.id, version),
    unwrap(
      client.api.decisions[':decisionId'].replay.$post({
        param: { decisionId: id },
        json: { version, trace: 'full' },
      }),
    ),
  ])
  // Validated against the engine's decision schema by the server, as the stored one.
  const replayed = replay.replayed as unknown as Decision
  return { decision, made, other, replayed }
}

/**
 * The same lead decided by another version, beside the decision it got: what changed
 * (outcome, score, reasons) and, for each rule that decided differently, what the version
 * changed in it.
 */
export function ReplayScreen({ id, version }: { id: string; version: number }) {
  const [state, reload] = useAsync(() => loadReplay(id, version), `${id}/${version}`)
  const summary = useMemo(
    () =>
      state.status === 'ready'
        ? replaySummary(
            state.value.decision,
            state.value.replayed,
            diffRulesets(state.value.made.ruleset, state.value.other.ruleset).changes,
          )
        : null,
    [state],
  )
  const lead = state.status === 'ready' ? (state.value.decision.leadId ?? 'without id') : '…'
  return (
    <div className="page">
      <AppHeader>
        <a href={hrefOf({ name: 'audit', filters: {} })}>Decisions</a>
        <span className="crumb-sep">/</span>
        <a href={hrefOf({ name: 'decision', id })}>Lead {lead}</a>
        <span className="crumb-sep">/</span>
        <span>Replay on v{version}</span>
      </AppHeader>
      <main className="page-body page-body-wide">
        {state.status === 'loading' && (
          <Loading label={`Deciding the lead again with v${version}…`} />
        )}
        {state.status === 'error' && (
          <ErrorState message={messageOf(state.error)} onRetry={reload} />
        )}
        {state.status === 'ready' && summary && (
          <>
            <div className="page-title">
              <div>
                <h1>
                  Lead {lead}: v{state.value.decision.ruleset.version} and v{version}
                </h1>
                <p className="muted">
                  The lead as it was logged, decided again by {state.value.other.ruleset.name} v
                  {version} ({state.value.other.status.replace('_', ' ')}). Nothing is logged by a
                  replay.
                </p>
              </div>
              <ReplayPicker
                decisionId={id}
                rulesetId={state.value.decision.ruleset.id}
                current={version}
              />
            </div>
            <ReplayChangesCard summary={summary} />
            <div className="replay-columns">
              <section className="card replay-column" data-testid="replay-before">
                <h3>
                  As logged ·{' '}
                  <span className="version-chip">v{state.value.decision.ruleset.version}</span>
                </h3>
                <DecisionView decision={state.value.decision} source="the decision it got" />
              </section>
              <section className="card replay-column" data-testid="replay-after">
                <h3>
                  Replayed · <span className="version-chip">v{version}</span>
                </h3>
                <DecisionView decision={state.value.replayed} source={`what v${version} decides`} />
              </section>
            </div>
          </>
        )}
      </main>
    </div>
  )
}
