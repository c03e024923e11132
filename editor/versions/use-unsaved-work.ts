import { useEffect, useRef, useState } from 'react'
import type { Ruleset } from '../../engine/index.ts'
import type { VersionView } from '../api/types.ts'
import { graphToRuleset, rulesetToGraph } from '../model/index.ts'
import type { EditorStore } from '../store/editor-store.ts'
import { findUnsaved, forgetUnsaved, keepUnsaved } from './unsaved-work.ts'

const KEEP_AFTER_MS = 800

/**
 * Keeps a draft's unsaved edits in the browser while they are unsaved, and offers them back
 * when the draft is opened again (after a closed tab or a crash).
 */
export function useUnsavedWork(store: EditorStore, view: VersionView, editable: boolean) {
  const latest = useRef(view)
  latest.current = view
  const { rulesetId, version } = view
  const [found, setFound] = useState(() =>
    editable ? findUnsaved(localStorage, rulesetId, version, view.etag, view.ruleset) : undefined,
  )

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.readOnly) return
      if (!state.dirty) {
        if (previous.dirty) forgetUnsaved(localStorage, rulesetId, version)
        return
      }
      if (
        state.nodes === previous.nodes &&
        state.edges === previous.edges &&
        state.meta === previous.meta
      )
        return
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (!store.getState().dirty) return
        keepUnsaved(localStorage, rulesetId, version, {
          etag: latest.current.etag,
          base: latest.current.ruleset,
          mine: graphToRuleset(store.getState().graph()).ruleset,
          at: new Date().toISOString(),
        })
      }, KEEP_AFTER_MS)
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [store, rulesetId, version])

  const restore = (ruleset: Ruleset) => {
    store.getState().load(rulesetToGraph(ruleset))
    store.setState({ dirty: true })
    setFound(undefined)
  }
  const discard = () => {
    forgetUnsaved(localStorage, rulesetId, version)
    setFound(undefined)
  }
  return { found, restore, discard }
}
