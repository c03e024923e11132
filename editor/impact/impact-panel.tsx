import { useEffect, useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import type { Simulation } from '../api/types.ts'
import { hrefOf } from '../app/hash-route.ts'
import { flaggedVerdict } from '../flags/flag-form.ts'
import { EmptyState, ErrorState, Loading } from '../ui/empty-state.tsx'
import { FlipList } from './flip-list.tsx'
import { ImpactSourcePicker, type ImpactSource } from './impact-source.tsx'
import { uploadTypeOf } from './lead-upload.ts'
import { OutcomeChart, SegmentChart } from './impact-charts.tsx'
import { signedChange } from './impact-rows.ts'

type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; simulation: Simulation }

/**
 * "If we publish this, what happens to our pipeline?": this version replayed over the
 * newest logged decisions of the ruleset, compared with what they got. Counts by outcome
 * and segment, segments that become too small, every lead that flips with its rule, and the
 * open flags this version settles (or not).
 */
export function ImpactPanel({
  rulesetId,
  version,
  runAtOnce = false,
}: {
  rulesetId: string
  version: number
  /** Run on mount (the approve dialog), instead of waiting for the button. */
  runAtOnce?: boolean
}) {
  const [state, setState] = useState<RunState>(
    runAtOnce ? { status: 'running' } : { status: 'idle' },
  )
  const run = async (source: ImpactSource) => {
    setState({ status: 'running' })
    const route = client.api.rulesets[':id'].versions[':v'].simulate
    const param = { id: rulesetId, v: String(version) }
    try {
      const type = source.kind === 'upload' ? uploadTypeOf(source.file) : null
      const simulation = await unwrap(
        source.kind === 'log' || !type
          ? route.$post({
              param,
              query: {},
              json: { sample: { lastN: source.kind === 'log' ? source.lastN : 10_000 } },
            })
          : // The typed client builds JSON bodies only: the file goes as the raw body, with its
            // own content type, through the same typed route.
            route.$post(
              { param, query: source.mapping ? { mapping: source.mapping } : {}, json: '' },
              { init: { body: source.file, headers: { 'content-type': type } } },
            ),
      )
      setState({ status: 'ready', simulation })
    } catch (error) {
      setState({ status: 'error', error })
    }
  }
  useEffect(() => {
    if (runAtOnce) void run({ kind: 'log', lastN: 10_000 })
    // Once, when the approve dialog opens; later runs come from the button.
  }, [])
  return (
    <div className="impact-panel" data-testid="impact-panel">
      <ImpactSourcePicker
        busy={state.status === 'running'}
        ran={state.status === 'ready'}
        onRun={(source) => void run(source)}
      />
      {state.status === 'idle' && (
        <p className="small muted">
          Replays logged leads with v{version} and compares each with the decision it got. Nothing
          is logged or changed.{' '}
          <a href={hrefOf({ name: 'audit', filters: { ruleset: rulesetId } })}>
            See this ruleset’s decisions
          </a>
        </p>
      )}
      {state.status === 'running' && <Loading label={`Deciding logged leads with v${version}…`} />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} />}
      {state.status === 'ready' && <ImpactReport simulation={state.simulation} version={version} />}
    </div>
  )
}

function ImpactReport({ simulation, version }: { simulation: Simulation; version: number }) {
  if (simulation.leads === 0) {
    return (
      <EmptyState icon="∅" title="No logged decisions to compare">
        Once leads are decided with this ruleset, their impact shows here.
      </EmptyState>
    )
  }
  const changed = simulation.flips.reduce((sum, flip) => sum + flip.count, 0)
  const flagged = simulation.flagged
  const beforeLabel = simulation.comparedWith === 'logged' ? 'As decided' : 'Published version'
  return (
    <div className="impact-report">
      <p className="impact-summary" data-testid="impact-summary">
        Over <strong>{simulation.leads.toLocaleString('en-US')}</strong>{' '}
        {simulation.comparedWith === 'logged' ? 'logged decision' : 'uploaded lead'}
        {simulation.leads === 1 ? '' : 's'}, <strong>{changed.toLocaleString('en-US')}</strong> lead
        {changed === 1 ? '' : 's'} would change outcome. Accepted:{' '}
        <strong>{signedChange(simulation.after.accepted - simulation.before.accepted)}</strong>.
        {simulation.skipped > 0 && (
          <span className="muted"> {simulation.skipped} skipped (their version is gone).</span>
        )}
      </p>
      {simulation.warnings.length > 0 && (
        <ul className="impact-warnings" data-testid="impact-warnings">
          {simulation.warnings.map((warning) => (
            <li key={warning}>⚠ {warning}</li>
          ))}
        </ul>
      )}
      <h4 className="section-title">By outcome</h4>
      <OutcomeChart counts={simulation} version={version} before={beforeLabel} />
      <h4 className="section-title">By segment</h4>
      <SegmentChart
        counts={simulation}
        version={version}
        before={beforeLabel}
        minSegmentSize={simulation.minSegmentSize}
      />
      {flagged.length > 0 && (
        <>
          <h4 className="section-title">Open flags</h4>
          <ul className="impact-flagged" data-testid="impact-flagged">
            {flagged.map((flag) => (
              <li key={flag.flagId} className={flag.flipped ? 'is-flipped' : undefined}>
                <a href={hrefOf({ name: 'decision', id: flag.decisionId })} className="lead-link">
                  {flag.leadId ?? flag.decisionId}
                </a>{' '}
                <span className={`badge badge-${flag.side}`}>{flag.side}</span>
                <div className="small">{flaggedVerdict(flag, version)}</div>
                <div className="small muted clamp-2">“{flag.comment}”</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="section-title">Leads that change</h4>
      <FlipList simulation={simulation} />
    </div>
  )
}
