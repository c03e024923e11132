import { useEffect } from 'react'
import type { EditorStore } from '../store/editor-store.ts'
import { newNodeId } from './new-node-id.ts'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * Delete, undo (Ctrl+Z), redo (Ctrl+Shift+Z or Ctrl+Y), copy, paste and save (Ctrl+S).
 * Keys typed into a field stay with the field, except save, which works everywhere.
 */
export function useEditorKeys(store: EditorStore, save: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && key === 's') {
        event.preventDefault()
        save()
        return
      }
      if (typing(event.target)) return
      const state = store.getState()
      if (mod && key === 'z') {
        event.preventDefault()
        if (event.shiftKey) state.redo()
        else state.undo()
      } else if (mod && key === 'y') {
        event.preventDefault()
        state.redo()
      } else if (mod && key === 'c') {
        state.copySelection()
      } else if (mod && key === 'v') {
        event.preventDefault()
        state.paste(newNodeId)
      } else if (key === 'delete' || key === 'backspace') {
        event.preventDefault()
        state.deleteSelection()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, save])
}
