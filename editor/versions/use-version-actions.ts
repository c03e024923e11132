import { useCallback, useRef, useState } from 'react'
import type { Ruleset } from '../../engine/index.ts'
import { ApiError, client, issuesOf, messageOf, unwrap } from '../api/client.ts'
import { asVersionView, type VersionView } from '../api/types.ts'
import { navigate } from '../app/hash-route.ts'
import { graphToRuleset, rulesetToGraph } from '../model/index.ts'
import type { EditorStore } from '../store/editor-store.ts'
import { useToast } from '../ui/toasts.tsx'

/** A save that met someone else's newer save of the same draft. */
export interface SaveConflict {
  base: Ruleset
  mine: Ruleset
  theirs: VersionView
}

interface Options {
  store: EditorStore
  view: VersionView
  setView: (view: VersionView) => void
  /** The signed-in user may change drafts. */
  writer: boolean
}

/**
 * Save, submit, approve, publish, reopen and branch a version, each through the typed client.
 * A save always sends the ETag it loaded; a 409 becomes a `SaveConflict` for the person to
 * settle, never a silent overwrite.
 */
export function useVersionActions({ store, view, setView, writer }: Options) {
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)
  const [conflict, setConflict] = useState<SaveConflict | null>(null)
  // Actions run one after another (save, then submit) within one render: each must send the
  // ETag the previous one received, not the one this render saw.
  const latest = useRef(view)
  const seen = useRef(view)
  if (seen.current !== view) {
    seen.current = view
    latest.current = view
  }
  const param = { id: view.rulesetId, v: String(view.version) }

  const adopt = useCallback(
    (next: VersionView, reloadCanvas: boolean) => {
      latest.current = next
      setView(next)
      const editable = next.status === 'draft' && writer
      if (reloadCanvas) store.getState().load(rulesetToGraph(next.ruleset), { readOnly: !editable })
      else {
        store.getState().markSaved()
        store.setState({ readOnly: !editable })
      }
    },
    [setView, store, writer],
  )

  const save = useCallback(
    async (options: { etag?: string; document?: Ruleset } = {}): Promise<boolean> => {
      const state = store.getState()
      if (state.readOnly) return true
      const validation = state.validation
      if (validation && !validation.ok) {
        toast('Not saved: fix the errors marked on the canvas first.', 'error')
        return false
      }
      const document = options.document ?? graphToRuleset(state.graph()).ruleset
      setBusy('save')
      try {
        const next = await unwrap(
          client.api.rulesets[':id'].versions[':v'].$put({
            param,
            header: { 'if-match': options.etag ?? latest.current.etag },
            json: document as unknown as Record<string, unknown>,
          }),
        )
        adopt(asVersionView(next), options.document !== undefined)
        toast('Draft saved')
        return true
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 409) {
          const theirs = asVersionView(
            await unwrap(client.api.rulesets[':id'].versions[':v'].$get({ param })),
          )
          setConflict({ base: latest.current.ruleset, mine: document, theirs })
          return false
        }
        const issues = issuesOf(failure)
        toast(
          issues.length
            ? `Not saved: ${issues[0]!.path}: ${issues[0]!.message}`
            : `Not saved: ${messageOf(failure)}`,
          'error',
        )
        return false
      } finally {
        setBusy(null)
      }
    },
    [adopt, store, toast, view],
  )

  const transition = useCallback(
    async (
      action: 'submit' | 'approve' | 'publish' | 'reopen',
      body: { note?: string; role?: 'marketing' | 'sales' },
    ) => {
      setBusy(action)
      try {
        const routes = client.api.rulesets[':id'].versions[':v']
        const input = { param, header: { 'if-match': latest.current.etag }, json: body }
        const next = await unwrap(
          action === 'submit'
            ? routes.submit.$post(input)
            : action === 'approve'
              ? routes.approve.$post(input)
              : action === 'publish'
                ? routes.publish.$post(input)
                : routes.reopen.$post(input),
        )
        adopt(asVersionView(next), false)
        const words = {
          submit: 'Sent for review',
          approve: `Approved as ${body.role}`,
          publish: 'Published: this version now decides leads',
          reopen: 'Back to draft',
        }
        toast(words[action])
        return true
      } catch (failure) {
        toast(messageOf(failure), 'error')
        return false
      } finally {
        setBusy(null)
      }
    },
    [adopt, toast, view],
  )

  const newDraft = useCallback(async () => {
    setBusy('new-draft')
    try {
      const next = await unwrap(
        client.api.rulesets[':id'].versions.$post({
          param: { id: view.rulesetId },
          json: { from: view.version },
        }),
      )
      toast(`Version ${next.version} created as a draft`)
      navigate({ name: 'editor', id: view.rulesetId, version: next.version })
    } catch (failure) {
      toast(messageOf(failure), 'error')
    } finally {
      setBusy(null)
    }
  }, [toast, view])

  return { busy, save, transition, newDraft, conflict, setConflict, adopt }
}
