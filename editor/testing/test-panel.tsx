import { useEffect, useMemo, useState } from 'react'
import {
  compileRuleset,
  type Decision,
  type Lead,
  type Outcome,
  type TestLead,
} from '../../engine/index.ts'
import { client, messageOf, unwrap } from '../api/client.ts'
import type { DecisionSummary } from '../api/types.ts'
import { useCatalog, useEditor, useEditorStore } from '../canvas/store-context.tsx'
import { traceMarks } from '../model/index.ts'
import { DecisionView } from './decision-view.tsx'
import { LeadForm } from './lead-form.tsx'
import { SavedTests } from './saved-tests.tsx'

interface TestPanelProps {
  rulesetId: string
  version: number
  /** The canvas has changes the server has not seen. */
  dirty: boolean
}

/**
 * Try the canvas on a lead: decided in the browser on every change (the engine runs here, so
 * the result is instant and the canvas lights up pass / fail / unknown), and on request by the
 * server against the saved version.
 */
export function TestPanel({ rulesetId, version, dirty }: TestPanelProps) {
  const store = useEditorStore()
  const catalog = useCatalog()
  const validation = useEditor((state) => state.validation)
  const tests = useEditor((state) => state.meta?.testLeads ?? [])
  const readOnly = useEditor((state) => state.readOnly)
  const updateMeta = useEditor((state) => state.updateMeta)
  const [lead, setLead] = useState<Lead>({})
  const [running, setRunning] = useState(false)
  const [serverDecision, setServerDecision] = useState<Decision | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const [saveName, setSaveName] = useState('')
  const [expected, setExpected] = useState<Outcome>('accepted')

  const compiled = useMemo(
    () => (validation?.ok && validation.ruleset ? compileRuleset(validation.ruleset) : null),
    [validation],
  )
  const decision = useMemo(
    () => (running && compiled ? compiled.evaluate(lead, { trace: 'full' }) : null),
    [running, compiled, lead],
  )

  useEffect(() => {
    if (!decision || !validation) return
    store.getState().setMarks(traceMarks(decision, validation.mapping.nodeByCanonical))
  }, [decision, validation, store])

  const open = (test: TestLead) => {
    setLead(test.lead)
    setRunning(true)
    setServerDecision(null)
  }
  const clear = () => {
    setRunning(false)
    setServerDecision(null)
    store.getState().setMarks(new Map())
  }
  const checkOnServer = async () => {
    setServerError(null)
    try {
      const answer = await unwrap(
        client.api.evaluate.$post({ json: { ruleset: rulesetId, version, lead, trace: 'full' } }),
      )
      setServerDecision(answer as Decision)
    } catch (failure) {
      setServerError(messageOf(failure))
    }
  }
  const saveTest = () => {
    const name = saveName.trim()
    if (!name) return
    updateMeta({
      testLeads: [...tests.filter((test) => test.name !== name), { name, lead, expected }],
    })
    setSaveName('')
  }

  return (
    <div className="test-panel">
      <h4 className="section-title" style={{ marginTop: 0 }}>
        Saved test leads
      </h4>
      <SavedTests
        tests={tests}
        compiled={compiled}
        readOnly={readOnly}
        onOpen={open}
        onRemove={(at) => updateMeta({ testLeads: tests.filter((_, index) => index !== at) })}
      />
      <RecentDecisions rulesetId={rulesetId} onPick={open} />

      <h4 className="section-title">Try a lead</h4>
      <p className="small muted" style={{ marginBottom: 8 }}>
        Fill in what you know below; empty fields count as unknown. The result follows every change.
      </p>
      <div className="test-actions">
        <button
          className="btn btn-primary"
          onClick={() => setRunning(true)}
          disabled={!compiled}
          data-testid="run-test"
        >
          ▶ Run test
        </button>
        {running && (
          <button className="btn" onClick={clear}>
            Clear colours
          </button>
        )}
        <button className="btn" onClick={() => setLead({})}>
          Empty form
        </button>
      </div>
      {!compiled && (
        <div className="alert alert-warning" style={{ marginTop: 8 }}>
          Fix the errors on the canvas to test.
        </div>
      )}

      {decision && (
        <>
          <DecisionView decision={decision} source="Decided in your browser from the canvas" />
          <div className="server-check">
            <button className="btn btn-small" onClick={() => void checkOnServer()} disabled={dirty}>
              Check on the server
            </button>
            <span className="small muted">
              {dirty
                ? 'Save first: the server decides with the saved version.'
                : `Decides with saved version ${version}; the decision is logged.`}
            </span>
          </div>
          {serverError && <div className="alert alert-error">{serverError}</div>}
          {serverDecision && (
            <div
              className={
                serverDecision.outcome === decision.outcome &&
                serverDecision.score === decision.score
                  ? 'alert alert-info'
                  : 'alert alert-warning'
              }
              data-testid="server-check"
            >
              Server: {serverDecision.outcome}, score {serverDecision.score}
              {serverDecision.outcome === decision.outcome &&
              serverDecision.score === decision.score
                ? ' — same as the canvas.'
                : ' — differs from the canvas; save to compare like with like.'}
            </div>
          )}
          {!readOnly && (
            <div className="save-test">
              <h4 className="section-title">Keep this lead as a test</h4>
              <div className="row">
                <input
                  className="input"
                  placeholder="Name, e.g. Director at a mid-size firm"
                  value={saveName}
                  onChange={(e) => setSaveName(e.target.value)}
                  aria-label="Test lead name"
                />
              </div>
              <div className="row" style={{ marginTop: 8 }}>
                <select
                  className="select"
                  value={expected}
                  onChange={(e) => setExpected(e.target.value as Outcome)}
                  aria-label="Expected outcome"
                >
                  <option value="accepted">Expect accepted</option>
                  <option value="nurture">Expect nurture</option>
                  <option value="rejected">Expect rejected</option>
                </select>
                <button
                  className="btn"
                  style={{ flex: 'none' }}
                  onClick={saveTest}
                  disabled={!saveName.trim()}
                >
                  Save test lead
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <h4 className="section-title">Lead details</h4>
      <LeadForm lead={lead} catalog={catalog} onChange={setLead} />
    </div>
  )
}

/** Leads this ruleset decided recently, from the decision log, to replay on the canvas. */
function RecentDecisions({
  rulesetId,
  onPick,
}: {
  rulesetId: string
  onPick: (test: TestLead) => void
}) {
  const [items, setItems] = useState<DecisionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    setError(null)
    try {
      const page = await unwrap(
        client.api.decisions.$get({ query: { ruleset: rulesetId, limit: '10' } }),
      )
      setItems(page.items)
    } catch (failure) {
      setError(messageOf(failure))
    }
  }
  const pick = async (id: string) => {
    try {
      const stored = await unwrap(
        client.api.decisions[':decisionId'].$get({ param: { decisionId: id } }),
      )
      onPick({ name: `Decision ${id}`, lead: stored.lead })
    } catch (failure) {
      setError(messageOf(failure))
    }
  }
  return (
    <details
      className="recent"
      onToggle={(e) =>
        (e.currentTarget as HTMLDetailsElement).open && items === null && void load()
      }
    >
      <summary>Pick a lead from the decision log</summary>
      {error && <div className="alert alert-error">{error}</div>}
      {items === null && !error && <p className="small muted">Loading…</p>}
      {items?.length === 0 && (
        <p className="small muted">No decisions logged for this ruleset yet.</p>
      )}
      <ul className="recent-list">
        {items?.map((item) => (
          <li key={item.decisionId}>
            <button onClick={() => void pick(item.decisionId)}>
              <span className={`badge badge-${item.outcome}`}>{item.outcome}</span>
              <span className="mono small">{String(item.leadId ?? 'no id')}</span>
              <span className="small muted">v{item.version}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
