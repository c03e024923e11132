import { useReactFlow } from '@xyflow/react'
import { newNodeId } from '../canvas/new-node-id.ts'
import { useCatalog, useEditor, useEditorStore } from '../canvas/store-context.tsx'
import { nodeLabel, type GraphIssue } from '../model/index.ts'
import { toGraphNode } from '../store/flow-elements.ts'
import { Field } from '../ui/field.tsx'
import { TextField } from '../ui/text-field.tsx'
import { ConditionFields } from './condition-fields.tsx'
import { ListsEditor } from './lists-editor.tsx'
import { PersonaFields } from './persona-fields.tsx'
import { PolicyFields } from './policy-fields.tsx'
import { ProblemItem } from './problem-item.tsx'
import { RuleFields } from './rule-fields.tsx'

const titles = {
  condition: 'Condition',
  gate: 'Gate',
  rule: 'Rule',
  persona: 'Persona',
  policy: 'Thresholds',
} as const

const gateHelp = {
  all: 'Holds when every input holds. Unknown if none fails but one is unknown.',
  any: 'Holds when at least one input holds. Unknown if none holds but one is unknown.',
  not: 'Holds when its input does not. Unknown stays unknown.',
}

/** The side panel: the selected node's fields, or the ruleset's overview when none is. */
export function InspectorPanel() {
  const selected = useEditor((state) => state.nodes.find((node) => node.selected))
  const readOnly = useEditor((state) => state.readOnly)
  const issues = useEditor((state) =>
    selected ? state.validation?.byNode.get(selected.id) : undefined,
  )
  const update = useEditor((state) => state.updateNode)
  if (!selected) return <RulesetOverview />
  const data = selected.data
  return (
    <div className="inspector" aria-label="Selected node">
      <div className="inspector-head">
        <span className="section-title" style={{ margin: 0 }}>
          {titles[data.kind]}
        </span>
        {!readOnly && data.kind !== 'policy' && <NodeActions />}
      </div>
      {(data.kind === 'condition' || data.kind === 'gate') && <UsedBy id={selected.id} />}
      {issues && issues.length > 0 && <IssueList issues={issues} />}
      {data.kind === 'condition' && (
        <ConditionFields id={selected.id} data={data} disabled={readOnly} />
      )}
      {data.kind === 'rule' && <RuleFields id={selected.id} data={data} disabled={readOnly} />}
      {data.kind === 'persona' && (
        <PersonaFields id={selected.id} data={data} disabled={readOnly} />
      )}
      {data.kind === 'policy' && <PolicyFields id={selected.id} data={data} disabled={readOnly} />}
      {data.kind === 'gate' && (
        <>
          <Field label="Combine inputs with">
            <div className="segmented" role="group" aria-label="Gate">
              {(['all', 'any', 'not'] as const).map((gate) => (
                <button
                  key={gate}
                  type="button"
                  aria-pressed={data.gate === gate}
                  disabled={readOnly}
                  onClick={() => update(selected.id, { gate })}
                >
                  {gate.toUpperCase()}
                </button>
              ))}
            </div>
          </Field>
          <p className="small muted">{gateHelp[data.gate]}</p>
        </>
      )}
    </div>
  )
}

/** Buttons for what the keyboard also does, for people who do not know the shortcuts. */
function NodeActions() {
  const store = useEditorStore()
  return (
    <div className="inspector-actions">
      <button
        className="btn btn-ghost btn-small"
        title="Duplicate (Ctrl+C, Ctrl+V)"
        onClick={() => {
          store.getState().copySelection()
          store.getState().paste(newNodeId)
        }}
      >
        Duplicate
      </button>
      <button
        className="btn btn-ghost btn-small btn-danger"
        title="Delete (Del)"
        onClick={() => store.getState().deleteSelection()}
      >
        Delete
      </button>
    </div>
  )
}

/** Which rule or persona a condition or gate belongs to, following the wires. */
function UsedBy({ id }: { id: string }) {
  const owner = useEditor((state) => {
    const parentOf = new Map(state.edges.map((edge) => [edge.source, edge.target]))
    let at = id
    for (let hops = 0; parentOf.has(at) && hops < 100; hops++) at = parentOf.get(at)!
    return at === id ? undefined : state.nodes.find((node) => node.id === at)
  })
  if (!owner || (owner.data.kind !== 'rule' && owner.data.kind !== 'persona')) {
    return <p className="used-by muted">Not wired to a rule or persona yet.</p>
  }
  return (
    <p className="used-by">
      Part of {owner.data.kind === 'rule' ? 'rule' : 'persona'} <strong>{owner.data.name}</strong>
      {owner.data.owner && (
        <span className={`badge badge-${owner.data.owner}`}>{owner.data.owner}</span>
      )}
    </p>
  )
}

function IssueList({ issues }: { issues: GraphIssue[] }) {
  return (
    <div className="issue-list">
      {issues.map((issue, at) => (
        <div
          key={at}
          className={`alert alert-${issue.severity === 'error' ? 'error' : 'warning'}`}
          role="note"
        >
          {issue.message}
        </div>
      ))}
    </div>
  )
}

/** With nothing selected: the ruleset's name, every problem on the canvas, its named lists. */
function RulesetOverview() {
  const meta = useEditor((state) => state.meta)
  const validation = useEditor((state) => state.validation)
  const readOnly = useEditor((state) => state.readOnly)
  const updateMeta = useEditor((state) => state.updateMeta)
  const store = useEditorStore()
  const { fitView } = useReactFlow()
  const catalog = useCatalog()
  if (!meta) return null
  const labelOf = (nodeId: string | undefined) => {
    const node = store.getState().nodes.find((candidate) => candidate.id === nodeId)
    return node ? nodeLabel(toGraphNode(node), catalog) : undefined
  }
  const problems = validation?.issues ?? []
  const errors = problems.filter((issue) => issue.severity === 'error')
  const select = (nodeId: string | undefined) => {
    if (!nodeId) return
    store.getState().onNodesChange(
      store.getState().nodes.map((node) => ({
        type: 'select' as const,
        id: node.id,
        selected: node.id === nodeId,
      })),
    )
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 })
  }
  return (
    <div className="inspector" aria-label="Ruleset">
      <TextField
        id="ruleset-name"
        label="Ruleset name"
        value={meta.name}
        disabled={readOnly}
        onChange={(name) => updateMeta({ name })}
      />
      <TextField
        id="ruleset-description"
        label="Description"
        multiline
        value={meta.description ?? ''}
        disabled={readOnly}
        placeholder="Which leads this ruleset decides, and for whom"
        onChange={(description) => updateMeta({ description: description || undefined })}
      />
      <h4 className="section-title">Checks</h4>
      {problems.length === 0 ? (
        <div className="alert alert-info">
          No problems: this ruleset is ready to test and submit.
        </div>
      ) : (
        <>
          <p className="small muted" style={{ marginBottom: 8 }}>
            {errors.length} {errors.length === 1 ? 'error blocks' : 'errors block'} submitting;{' '}
            {problems.length - errors.length}{' '}
            {problems.length - errors.length === 1 ? 'warning' : 'warnings'}. Click one to find it.
          </p>
          <ul className="problem-list">
            {problems.map((issue, at) => (
              <ProblemItem
                key={at}
                issue={issue}
                label={labelOf(issue.nodeId)}
                onClick={() => select(issue.nodeId)}
              />
            ))}
          </ul>
        </>
      )}
      <ListsEditor />
    </div>
  )
}
