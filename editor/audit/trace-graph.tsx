import { ReactFlowProvider } from '@xyflow/react'
import { useMemo } from 'react'
import type { Decision, Ruleset } from '../../engine/index.ts'
import { ReadOnlyCanvas } from '../canvas/read-only-canvas.tsx'
import { EditorStoreProvider } from '../canvas/store-context.tsx'
import { rulesetToGraph, traceMarks } from '../model/index.ts'
import { createEditorStore } from '../store/editor-store.ts'
import { focusNodes } from './trace-focus.ts'

/**
 * The version's graph as the editor draws it, read-only, with the decision's trace laid
 * over it: every condition, gate, rule and persona coloured pass / fail / unknown exactly as
 * the editor's test panel colours them.
 */
export function TraceGraph({
  ruleset,
  decision,
}: {
  ruleset: Ruleset
  decision: Pick<Decision, 'trace' | 'rules' | 'personas'>
}) {
  const store = useMemo(() => {
    const created = createEditorStore()
    created.getState().load(rulesetToGraph(ruleset), { readOnly: true })
    // The graph is drawn straight from the stored document: its node ids are the canonical
    // ones the trace names.
    created.getState().setMarks(traceMarks(decision))
    return created
  }, [ruleset, decision])
  const focus = useMemo(() => focusNodes(decision.rules, store.getState().edges), [decision, store])
  return (
    <div className="trace-graph" data-testid="trace-graph">
      <EditorStoreProvider store={store}>
        <ReactFlowProvider>
          <ReadOnlyCanvas focus={focus} />
        </ReactFlowProvider>
      </EditorStoreProvider>
      <div className="trace-legend" aria-label="Legend">
        {focus.length > 0 && <span className="muted">Showing the rules that decided it ·</span>}
        <span>
          <span className="dot dot-pass" /> passed
        </span>
        <span>
          <span className="dot dot-fail" /> failed
        </span>
        <span>
          <span className="dot dot-unknown" /> unknown (data missing)
        </span>
      </div>
    </div>
  )
}
