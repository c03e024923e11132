import { ReactFlowProvider } from '@xyflow/react'
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { client, messageOf, unwrap } from '../api/client.ts'
import { asVersionView, type VersionView } from '../api/types.ts'
import { AppHeader } from '../app/app-header.tsx'
import { hrefOf } from '../app/hash-route.ts'
import { canEdit, sideOf, useUser } from '../app/session.tsx'
import { useAsync } from '../app/use-async.ts'
import { CanvasToolbar } from '../canvas/canvas-toolbar.tsx'
import { CanvasArea, EditorPalette } from '../canvas/canvas-area.tsx'
import { EditorStoreProvider } from '../canvas/store-context.tsx'
import { useEditorKeys } from '../canvas/use-editor-keys.ts'
import { catalogFor } from '../../engine/index.ts'
import { nodeLabel, rulesetToGraph } from '../model/index.ts'
import { toGraphNode } from '../store/flow-elements.ts'
import { createEditorStore, type EditorStore } from '../store/editor-store.ts'
import { ErrorState, Loading } from '../ui/empty-state.tsx'
import { ImpactPanel, SidePanel } from './side-panel.tsx'
import { BlockedDialog } from '../versions/blocked-dialog.tsx'
import { ConflictDialog } from '../versions/conflict-dialog.tsx'
import { NoteDialog } from '../versions/note-dialog.tsx'
import { useUnsavedWork } from '../versions/use-unsaved-work.ts'
import { useVersionActions } from '../versions/use-version-actions.ts'
import { VersionBar, type VersionAction } from '../versions/version-bar.tsx'

interface EditorScreenProps {
  id: string
  version?: number
}

async function loadVersion(id: string, version: number | undefined): Promise<VersionView> {
  let number = version
  if (number === undefined) {
    const { versions } = await unwrap(client.api.rulesets[':id'].versions.$get({ param: { id } }))
    number = versions.at(-1)!.version
  }
  return unwrap(
    client.api.rulesets[':id'].versions[':v'].$get({ param: { id, v: String(number) } }),
  ).then(asVersionView)
}

/** Loads a version, then hands it to the workspace. */
export function EditorScreen({ id, version }: EditorScreenProps) {
  const [state, reload] = useAsync(() => loadVersion(id, version), `${id}/${version ?? 'latest'}`)
  return (
    <div className="page page-editor">
      <AppHeader>
        <a href={hrefOf({ name: 'list' })}>Rulesets</a>
        <span className="crumb-sep">/</span>
        <span>{state.status === 'ready' ? state.value.ruleset.name : id}</span>
      </AppHeader>
      {state.status === 'loading' && <Loading label="Opening the ruleset…" />}
      {state.status === 'error' && <ErrorState message={messageOf(state.error)} onRetry={reload} />}
      {state.status === 'ready' && (
        <ReactFlowProvider>
          <Workspace
            key={`${state.value.rulesetId}/${state.value.version}`}
            initial={state.value}
          />
        </ReactFlowProvider>
      )}
    </div>
  )
}

type Dialogs = 'submit' | 'approve-marketing' | 'approve-sales' | 'publish' | 'blocked' | null

function Workspace({ initial }: { initial: VersionView }) {
  const user = useUser()
  // Viewers read; only marketing, sales and admins change drafts (the server enforces it too).
  const writer = canEdit(user)
  const [view, setView] = useState(initial)
  const store = useMemo<EditorStore>(() => {
    const created = createEditorStore()
    created
      .getState()
      .load(rulesetToGraph(initial.ruleset), { readOnly: initial.status !== 'draft' || !writer })
    return created
  }, [initial, writer])
  const actions = useVersionActions({ store, view, setView, writer })
  const [dialog, setDialog] = useState<Dialogs>(null)
  const save = useCallback(() => void actions.save(), [actions])
  useEditorKeys(store, save)
  const unsaved = useUnsavedWork(store, view, initial.status === 'draft' && writer)

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (store.getState().dirty) event.preventDefault()
    }
    // Links inside the app change only the address's hash, which the page cannot stop once it
    // happened: ask before following one away from unsaved changes.
    const guard = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]')
      if (!link || !store.getState().dirty) return
      if (!window.confirm('This draft has unsaved changes. Leave without saving?')) {
        event.preventDefault()
      }
    }
    window.addEventListener('beforeunload', warn)
    document.addEventListener('click', guard, true)
    return () => {
      window.removeEventListener('beforeunload', warn)
      document.removeEventListener('click', guard, true)
    }
  }, [store])

  const onAction = (action: VersionAction) => {
    if (action === 'save') save()
    else if (action === 'submit') {
      const validation = store.getState().validation
      setDialog(validation && !validation.ok ? 'blocked' : 'submit')
    } else if (action === 'reopen') void actions.transition('reopen', {})
    else if (action === 'new-draft') void actions.newDraft()
    else setDialog(action)
  }

  const submit = async (note: string) => {
    if (store.getState().dirty || note) {
      if (note) store.getState().updateMeta({ changeNote: note })
      if (!(await actions.save())) return
    }
    if (await actions.transition('submit', note ? { note } : {})) setDialog(null)
  }
  const approve = async (role: 'marketing' | 'sales', note: string) => {
    if (await actions.transition('approve', { role, ...(note && { note }) })) setDialog(null)
  }
  const publish = async (note: string) => {
    if (await actions.transition('publish', note ? { note } : {})) setDialog(null)
  }

  return (
    <EditorStoreProvider store={store}>
      <VersionBar view={view} user={user} busy={actions.busy} onAction={onAction} />
      {unsaved.found && (
        <div className="recovery-bar" role="alert" data-testid="recovery-bar">
          <span>
            Unsaved changes to this draft from{' '}
            {new Date(unsaved.found.at).toLocaleString('en-GB', {
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
            })}{' '}
            were kept in this browser.
            {unsaved.found.conflicts.length > 0 &&
              ` The draft was saved since; restoring keeps your version of ${unsaved.found.conflicts.join(', ')}.`}
          </span>
          <button
            className="btn btn-small btn-primary"
            onClick={() => unsaved.restore(unsaved.found!.ruleset)}
          >
            Restore them
          </button>
          <button className="btn btn-small btn-ghost" onClick={unsaved.discard}>
            Discard
          </button>
        </div>
      )}
      <div className="workspace">
        <EditorPalette owner={sideOf(user)} />
        <div className="canvas-wrap">
          <CanvasToolbar />
          <CanvasArea owner={sideOf(user)} fitKey={`${view.rulesetId}/${view.version}`} />
        </div>
        <SidePanel view={view} />
      </div>
      {dialog === 'blocked' && (
        <BlockedDialog
          errors={
            store.getState().validation?.issues.filter((issue) => issue.severity === 'error') ?? []
          }
          labelOf={(nodeId) => labelOfNode(store, nodeId)}
          onShow={(nodeId) => selectNode(store, nodeId)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'submit' && (
        <NoteDialog
          title="Submit for review"
          intro="Marketing and sales each sign off on exactly this content. Say what changed so they know what to look at."
          confirm="Submit for review"
          noteLabel="Change note"
          busy={actions.busy !== null}
          onConfirm={(note) => void submit(note)}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog === 'approve-marketing' || dialog === 'approve-sales') && (
        <NoteDialog
          title={`Approve as ${dialog === 'approve-marketing' ? 'marketing' : 'sales'}`}
          intro={`You sign version ${view.version} as it is now. Any later edit withdraws your approval.${view.ruleset.changeNote ? ` Change note: “${view.ruleset.changeNote}”` : ''}`}
          confirm="Approve"
          noteLabel="Comment (optional)"
          busy={actions.busy !== null}
          onConfirm={(note) =>
            void approve(dialog === 'approve-marketing' ? 'marketing' : 'sales', note)
          }
          onClose={() => setDialog(null)}
          wide
        >
          <h4 className="section-title" style={{ marginTop: 0 }}>
            What this version changes
          </h4>
          <Suspense fallback={<Loading label="Loading the impact report…" />}>
            <ImpactPanel rulesetId={view.rulesetId} version={view.version} runAtOnce />
          </Suspense>
        </NoteDialog>
      )}
      {dialog === 'publish' && (
        <NoteDialog
          title={`Publish version ${view.version}`}
          intro="From now on this version decides every lead. The version live until now is archived; its decisions stay in the log."
          confirm="Publish"
          noteLabel="Note (optional)"
          busy={actions.busy !== null}
          onConfirm={(note) => void publish(note)}
          onClose={() => setDialog(null)}
        />
      )}
      {actions.conflict && (
        <ConflictDialog
          conflict={actions.conflict}
          busy={actions.busy !== null}
          onClose={() => actions.setConflict(null)}
          onReload={() => {
            actions.adopt(actions.conflict!.theirs, true)
            actions.setConflict(null)
          }}
          onOverwrite={() => {
            const { theirs, mine } = actions.conflict!
            actions.setConflict(null)
            void actions.save({ etag: theirs.etag, document: mine })
          }}
          onMerge={(merged) => {
            const { theirs } = actions.conflict!
            actions.setConflict(null)
            void actions.save({ etag: theirs.etag, document: merged })
          }}
        />
      )}
    </EditorStoreProvider>
  )
}

function labelOfNode(store: EditorStore, nodeId: string | undefined): string | undefined {
  const node = store.getState().nodes.find((candidate) => candidate.id === nodeId)
  if (!node) return undefined
  return nodeLabel(toGraphNode(node), catalogFor({ fields: store.getState().meta?.fields ?? {} }))
}

function selectNode(store: EditorStore, nodeId: string) {
  const state = store.getState()
  state.onNodesChange(
    state.nodes.map((node) => ({
      type: 'select' as const,
      id: node.id,
      selected: node.id === nodeId,
    })),
  )
}
