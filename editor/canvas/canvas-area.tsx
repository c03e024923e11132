import { useReactFlow } from '@xyflow/react'
import { useMemo } from 'react'
import { nodeFromPalette, paletteGroups, type PaletteItem } from '../model/index.ts'
import { FlowCanvas, takenIds } from './flow-canvas.tsx'
import { newNodeId } from './new-node-id.ts'
import { PalettePanel } from './palette-panel.tsx'
import { useCatalog, useEditor } from './store-context.tsx'

/**
 * The palette and the canvas as the editor screen uses them: both built from the open
 * ruleset's field catalog, new nodes owned by the side of the person adding them.
 */

export function EditorPalette({ owner }: { owner: 'marketing' | 'sales' }) {
  const catalog = useCatalog()
  const readOnly = useEditor((state) => state.readOnly)
  const addNode = useEditor((state) => state.addNode)
  const nodes = useEditor((state) => state.nodes)
  const groups = useMemo(() => paletteGroups(catalog), [catalog])
  const { screenToFlowPosition } = useReactFlow()
  const onAdd = (item: PaletteItem) => {
    const canvas = document.querySelector('.react-flow')?.getBoundingClientRect()
    const position = screenToFlowPosition({
      x: (canvas?.left ?? 0) + (canvas?.width ?? 600) / 2,
      y: (canvas?.top ?? 0) + (canvas?.height ?? 400) / 2,
    })
    addNode(
      nodeFromPalette(item, {
        id: newNodeId(),
        position,
        catalog,
        takenIds: takenIds(nodes),
        owner,
      }),
    )
  }
  return <PalettePanel groups={groups} disabled={readOnly} onAdd={onAdd} />
}

export function CanvasArea({ owner, fitKey }: { owner: 'marketing' | 'sales'; fitKey: string }) {
  const catalog = useCatalog()
  const items = useMemo(
    () =>
      new Map(
        paletteGroups(catalog).flatMap((group) =>
          group.items.map((item) => [item.key, item] as const),
        ),
      ),
    [catalog],
  )
  const empty = useEditor((state) => state.nodes.length <= 1)
  return (
    <>
      <FlowCanvas owner={owner} paletteItems={items} fitKey={fitKey} />
      {empty && (
        <div className="canvas-empty" aria-hidden="true">
          <strong>Start with an outcome</strong>
          <span>
            Drag a Requirement, Disqualifier or Score from the palette, then the lead fields it
            checks, and wire them from left to right.
          </span>
        </div>
      )}
    </>
  )
}
