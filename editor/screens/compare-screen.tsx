import { ReactFlowProvider } from '@xyflow/react'
import { useMemo } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import { asVersionView } from '../api/types.ts'
import { AppHeader } from '../app/app-header.tsx'
import { hrefOf } from '../app/hash-route.ts'
import { useAsync } from '../app/use-async.ts'
import { ReadOnlyCanvas } from '../canvas/read-only-canvas.tsx'
import { EditorStoreProvider } from '../canvas/store-context.tsx'
import { diffRulesets, rulesetToGraph, type RulesetDiff } from '../model/index.ts'
import { createEditorStore, type Highlight } from '../store/editor-store.ts'
import { ErrorState, Loading, EmptyState } from '../ui/empty-state.tsx'
import { ChangeList } from '../versions/conflict-dialog.tsx'
import type { Ruleset } from '../../engine/index.ts'

interface CompareScreenProps {
  id: string
  a: number
  b: number
}

/** Two versions side by side: the graphs with added, removed and changed nodes marked, and the list. */
export function CompareScreen({ id, a, b }: CompareScreenProps) {
  const [state, reload] = useAsync(async () => {
    const get = (v: number) =>
      unwrap(client.api.rulesets[':id'].versions[':v'].$get({ param: { id, v: String(v) } })).then(
        asVersionView,
      )
    const [older, newer] = await Promise.all([get(a), get(b)])
    return { older: older.ruleset, newer: newer.ruleset }
  }, `${id}/${a}/${b}`)
  return (
    <div className="page page-editor">
      <AppHeader>
        <a href={hrefOf({ name: 'list' })}>Rulesets</a>
        <span className="crumb-sep">/</span>
        <a href={hrefOf({ name: 'editor', id, version: b })}>
          {state.status === 'ready' ? state.value.newer.name : id}
        </a>
        <span className="crumb-sep">/</span>
        <span>
          Compare v{a} and v{b}
        </span>
      </AppHeader>
      {state.status === 'loading' && <Loading label="Loading both versions…" />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} onRetry={reload} />}
      {state.status === 'ready' && (
        <Comparison older={state.value.older} newer={state.value.newer} a={a} b={b} />
      )}
    </div>
  )
}

function Comparison({
  older,
  newer,
  a,
  b,
}: {
  older: Ruleset
  newer: Ruleset
  a: number
  b: number
}) {
  const diff = useMemo(() => diffRulesets(older, newer), [older, newer])
  const before = useMemo(() => marks(diff, 'before'), [diff])
  const after = useMemo(() => marks(diff, 'after'), [diff])
  const counts = {
    added: diff.changes.filter((c) => c.change === 'added').length,
    removed: diff.changes.filter((c) => c.change === 'removed').length,
    changed: diff.changes.filter((c) => c.change === 'changed').length,
  }
  return (
    <div className="compare">
      <div className="compare-graphs">
        <ComparePane version={a} subtitle="before" ruleset={older} highlights={before} />
        <ComparePane version={b} subtitle="after" ruleset={newer} highlights={after} />
      </div>
      <aside className="compare-list">
        <h3>What changed</h3>
        <p className="small muted" style={{ margin: '4px 0 12px' }}>
          {counts.added} added · {counts.changed} changed · {counts.removed} removed
        </p>
        {diff.changes.length === 0 ? (
          <EmptyState icon="=" title="No differences">
            These versions decide every lead the same way.
          </EmptyState>
        ) : (
          <ChangeList changes={diff.changes} />
        )}
      </aside>
    </div>
  )
}

function marks(diff: RulesetDiff, side: 'before' | 'after'): Map<string, Highlight> {
  const map = new Map<string, Highlight>()
  for (const id of diff.nodes.changed) map.set(id, 'changed')
  if (side === 'before') for (const id of diff.nodes.removed) map.set(id, 'removed')
  else for (const id of diff.nodes.added) map.set(id, 'added')
  return map
}

function ComparePane({
  version,
  subtitle,
  ruleset,
  highlights,
}: {
  version: number
  subtitle: string
  ruleset: Ruleset
  highlights: Map<string, Highlight>
}) {
  const store = useMemo(() => {
    const created = createEditorStore()
    created.getState().load(rulesetToGraph(ruleset), { readOnly: true, highlights })
    return created
  }, [ruleset, highlights])
  return (
    <section className="compare-pane">
      <header>
        <span className="version-chip">v{version}</span>{' '}
        <span className="muted small">{subtitle}</span>
        <a
          className="small compare-open"
          href={hrefOf({ name: 'editor', id: ruleset.id, version })}
        >
          Open v{version}
        </a>
      </header>
      <EditorStoreProvider store={store}>
        <ReactFlowProvider>
          <ReadOnlyCanvas />
        </ReactFlowProvider>
      </EditorStoreProvider>
    </section>
  )
}
