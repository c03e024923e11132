import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { catalogFor, type FieldSpec } from '../../engine/index.ts'
import type { EditorState, EditorStore } from '../store/editor-store.ts'

const StoreContext = createContext<EditorStore | null>(null)

export function EditorStoreProvider({
  store,
  children,
}: {
  store: EditorStore
  children: ReactNode
}) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useEditorStore(): EditorStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useEditorStore needs an EditorStoreProvider')
  return store
}

/** Reads one slice of the canvas's store; the component re-renders only when it changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector)
}

/** The field catalog of the open ruleset: built-in fields plus the ruleset's own. */
export function useCatalog(): ReadonlyMap<string, FieldSpec> {
  const fields = useEditor((state) => state.meta?.fields)
  return useMemo(() => catalogFor({ fields: fields ?? {} }), [fields])
}
