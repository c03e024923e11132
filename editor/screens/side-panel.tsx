import { lazy, Suspense, useState } from 'react'
import type { VersionView } from '../api/types.ts'
import { useAsync } from '../app/use-async.ts'
import { useEditor } from '../canvas/store-context.tsx'
import { flagsOfRuleset } from '../flags/flags-api.ts'
import { RulesetFlagsPanel } from '../flags/ruleset-flags-panel.tsx'
import { InspectorPanel } from '../inspector/inspector-panel.tsx'
import { TestPanel } from '../testing/test-panel.tsx'
import { Loading } from '../ui/empty-state.tsx'
import { HistoryPanel } from '../versions/history-panel.tsx'

/** The charts library is only needed once someone opens an impact report: load it then. */
export const ImpactPanel = lazy(() =>
  import('../impact/impact-panel.tsx').then((module) => ({ default: module.ImpactPanel })),
)

type Tab = 'inspect' | 'test' | 'impact' | 'flags' | 'history'
const tabs: { id: Tab; label: string }[] = [
  { id: 'inspect', label: 'Details' },
  { id: 'test', label: 'Test' },
  { id: 'impact', label: 'Impact' },
  { id: 'flags', label: 'Flags' },
  { id: 'history', label: 'History' },
]

/** The editor's right-hand panel: details of the selection, test, impact, flags, history. */
export function SidePanel({ view }: { view: VersionView }) {
  const [tab, setTab] = useState<Tab>('inspect')
  // Open flags are change requests waiting on this ruleset: their count shows on the tab.
  const [flagRound, setFlagRound] = useState(0)
  const [openFlags] = useAsync(
    () => flagsOfRuleset(view.rulesetId, 'open'),
    `${view.rulesetId}/${flagRound}`,
  )
  const flagCount = openFlags.status === 'ready' ? openFlags.value.flags.length : 0
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        {tabs.map((item) => (
          <button
            key={item.id}
            role="tab"
            aria-selected={tab === item.id}
            onClick={() => setTab(item.id)}
          >
            {item.label}
            {item.id === 'flags' && flagCount > 0 && (
              <span className="count" aria-label={`${flagCount} open`}>
                {flagCount}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="side-body">
        {tab === 'inspect' && <InspectorPanel />}
        {tab === 'test' && <TestPanelBound view={view} />}
        {tab === 'impact' && <ImpactBound view={view} />}
        {tab === 'flags' && (
          <RulesetFlagsPanel
            rulesetId={view.rulesetId}
            onChange={() => setFlagRound((round) => round + 1)}
          />
        )}
        {tab === 'history' && <HistoryPanel view={view} />}
      </div>
    </aside>
  )
}

function TestPanelBound({ view }: { view: VersionView }) {
  const dirty = useEditor((state) => state.dirty)
  return <TestPanel rulesetId={view.rulesetId} version={view.version} dirty={dirty} />
}

/** Impact of unsaved edits is not what the server would simulate: say so instead. */
function ImpactBound({ view }: { view: VersionView }) {
  const dirty = useEditor((state) => state.dirty)
  return (
    <>
      {dirty && (
        <p className="small impact-dirty" role="note">
          Save the draft first: the impact is computed from the saved version.
        </p>
      )}
      <Suspense fallback={<Loading label="Loading the impact report…" />}>
        <ImpactPanel key={view.etag} rulesetId={view.rulesetId} version={view.version} />
      </Suspense>
    </>
  )
}
