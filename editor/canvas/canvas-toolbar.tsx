import { useReactFlow } from '@xyflow/react'
import { useEffect } from 'react'
import { useEditor } from './store-context.tsx'

/** Over the canvas: which side's rules to show, undo/redo, fit, and the problem count. */
export function CanvasToolbar() {
  const filter = useEditor((state) => state.ownerFilter)
  const setFilter = useEditor((state) => state.setOwnerFilter)
  const canUndo = useEditor((state) => state.history.past.length > 0 && !state.readOnly)
  const canRedo = useEditor((state) => state.history.future.length > 0 && !state.readOnly)
  const undo = useEditor((state) => state.undo)
  const redo = useEditor((state) => state.redo)
  const errors = useEditor(
    (state) => state.validation?.issues.filter((issue) => issue.severity === 'error').length ?? 0,
  )
  const notice = useEditor((state) => state.notice)
  const clearNotice = useEditor((state) => state.clearNotice)
  const { fitView } = useReactFlow()
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(clearNotice, 3500)
    return () => clearTimeout(timer)
  }, [notice, clearNotice])
  return (
    <div className="canvas-toolbar">
      <div className="segmented" role="group" aria-label="Show rules of">
        {(['all', 'marketing', 'sales'] as const).map((side) => (
          <button
            key={side}
            type="button"
            aria-pressed={filter === side}
            onClick={() => setFilter(side)}
          >
            {side === 'all' ? 'Both sides' : side === 'marketing' ? 'Marketing' : 'Sales'}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          className="btn btn-small"
          onClick={undo}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
          aria-label="Undo"
        >
          ↶ Undo
        </button>
        <button
          className="btn btn-small"
          onClick={redo}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
          aria-label="Redo"
        >
          ↷ Redo
        </button>
        <button
          className="btn btn-small"
          onClick={() => void fitView({ padding: 0.15, duration: 300, maxZoom: 1 })}
          title="Zoom to fit"
        >
          ⤢ Fit
        </button>
      </div>
      <div
        className={errors ? 'canvas-status canvas-status-error' : 'canvas-status'}
        data-testid="canvas-status"
      >
        {errors === 0
          ? '✓ No errors'
          : `${errors} ${errors === 1 ? 'error' : 'errors'} on the canvas`}
      </div>
      {notice && (
        <div className="canvas-notice" role="status">
          {notice}
        </div>
      )}
    </div>
  )
}
