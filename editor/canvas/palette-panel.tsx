import { useState, type DragEvent } from 'react'
import type { PaletteGroup, PaletteItem } from '../model/index.ts'

export const PALETTE_MIME = 'application/x-leadgate-palette'

interface PalettePanelProps {
  groups: PaletteGroup[]
  disabled: boolean
  onAdd: (item: PaletteItem) => void
}

/**
 * The palette: drag an item onto the canvas (or press Enter on it to drop it in the middle).
 * Fields come from the field catalog, so a custom field declared by the ruleset shows up too.
 */
export function PalettePanel({ groups, disabled, onAdd }: PalettePanelProps) {
  const [query, setQuery] = useState('')
  const [closed, setClosed] = useState<Set<string>>(new Set())
  const needle = query.trim().toLowerCase()
  const shown = groups
    .map((group) => ({
      ...group,
      items: group.items.filter(
        (item) =>
          !needle || `${item.label} ${item.hint} ${group.category}`.toLowerCase().includes(needle),
      ),
    }))
    .filter((group) => group.items.length > 0)

  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(PALETTE_MIME, item.key)
    event.dataTransfer.effectAllowed = 'copy'
  }
  const toggle = (category: string) =>
    setClosed((set) => {
      const next = new Set(set)
      if (next.has(category)) next.delete(category)
      else next.add(category)
      return next
    })

  return (
    <aside className="palette" aria-label="Palette">
      <div className="palette-head">
        <h4>Building blocks</h4>
        <p className="small muted">
          {disabled
            ? 'This version is read-only.'
            : 'Drag onto the canvas, then wire left to right.'}
        </p>
        <input
          className="input"
          type="search"
          placeholder="Search fields…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-label="Search the palette"
        />
      </div>
      <div className="palette-groups">
        {shown.map((group) => {
          const open = needle !== '' || !closed.has(group.category)
          return (
            <section key={group.category} className="palette-group">
              <button
                className="palette-group-head"
                aria-expanded={open}
                onClick={() => toggle(group.category)}
              >
                <span
                  className={`palette-swatch palette-swatch-${group.items[0]?.kind ?? 'condition'}`}
                  aria-hidden="true"
                />
                {group.category}
                <span className="palette-count">{group.items.length}</span>
              </button>
              {open && (
                <ul>
                  {group.items.map((item) => (
                    <li key={item.key}>
                      <div
                        className={`palette-item palette-item-${item.kind}`}
                        draggable={!disabled}
                        tabIndex={disabled ? -1 : 0}
                        role="button"
                        aria-disabled={disabled}
                        data-palette={item.key}
                        title={item.hint}
                        onDragStart={(event) => onDragStart(event, item)}
                        onKeyDown={(event) => {
                          if (!disabled && (event.key === 'Enter' || event.key === ' ')) {
                            event.preventDefault()
                            onAdd(item)
                          }
                        }}
                        onDoubleClick={() => !disabled && onAdd(item)}
                      >
                        <span className="palette-item-label">{item.label}</span>
                        <span className="palette-item-hint">{item.hint}</span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )
        })}
      </div>
    </aside>
  )
}
