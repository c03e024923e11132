import { useState } from 'react'
import { slugOf } from '../model/index.ts'
import { useEditor } from '../canvas/store-context.tsx'
import { TagInput } from '../ui/tag-input.tsx'

/** The ruleset's named lists (competitor domains, free-mail domains) that conditions refer to. */
export function ListsEditor() {
  const lists = useEditor((state) => state.meta?.lists) ?? {}
  const readOnly = useEditor((state) => state.readOnly)
  const updateMeta = useEditor((state) => state.updateMeta)
  const [name, setName] = useState('')
  const set = (key: string, values: (string | number)[]) =>
    updateMeta({ lists: { ...lists, [key]: values } })
  const remove = (key: string) => {
    const next = { ...lists }
    delete next[key]
    updateMeta({ lists: next })
  }
  return (
    <>
      <h4 className="section-title">Named lists</h4>
      {Object.keys(lists).length === 0 && (
        <p className="small muted">
          No lists yet. A list keeps long value sets (competitor domains) in one place.
        </p>
      )}
      {Object.entries(lists).map(([key, values]) => (
        <div className="field" key={key}>
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <span className="field-label mono">{key}</span>
            {!readOnly && (
              <button
                className="btn btn-ghost btn-small"
                style={{ flex: 'none' }}
                onClick={() => remove(key)}
              >
                Remove
              </button>
            )}
          </div>
          <TagInput
            label={`Items of ${key}`}
            values={values.map(String)}
            disabled={readOnly}
            onChange={(next) => set(key, next)}
          />
        </div>
      ))}
      {!readOnly && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault()
            const key = slugOf(name)
            if (key && !(key in lists)) set(key, [])
            setName('')
          }}
        >
          <input
            className="input"
            placeholder="New list name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label="New list name"
          />
          <button className="btn" style={{ flex: 'none' }} disabled={!name.trim()}>
            Add list
          </button>
        </form>
      )}
    </>
  )
}
