import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRuleset } from '../../engine/index.ts'
import { rulesetToGraph } from '../../editor/model/index.ts'
import { createEditorStore } from '../../editor/store/editor-store.ts'

const b2b = parseRuleset(JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8')))

const loaded = () => {
  const store = createEditorStore()
  store.getState().load(rulesetToGraph(b2b, { layout: 'none' }))
  return store
}
const node = (store: ReturnType<typeof loaded>, id: string) =>
  store.getState().nodes.find((candidate) => candidate.id === id)!

describe('editor store', () => {
  it('starts clean and valid', () => {
    const state = loaded().getState()
    expect(state.dirty).toBe(false)
    expect(state.validation?.ok).toBe(true)
    expect(state.history.past).toEqual([])
  })

  it('re-validates after an edit and marks the node', () => {
    const store = loaded()
    store.getState().updateNode('rule:min-employees/when.all.0', { value: undefined }, 'value')
    const state = store.getState()
    expect(state.dirty).toBe(true)
    expect(state.validation?.byNode.get('rule:min-employees/when.all.0')?.[0]?.message).toBe(
      '"is at least" needs a number',
    )
    expect(node(store, 'rule:min-employees/when.all.0').data).toEqual({
      kind: 'condition',
      fact: 'company.employees',
      operator: 'greaterThanInclusive',
    })
  })

  it('undoes and redoes an edit', () => {
    const store = loaded()
    store.getState().updateNode('rule:need', { name: 'Need is real' })
    store.getState().undo()
    expect(node(store, 'rule:need').data).toMatchObject({ name: 'Need confirmed or likely' })
    store.getState().redo()
    expect(node(store, 'rule:need').data).toMatchObject({ name: 'Need is real' })
  })

  it('makes one undo step of a burst of typing in one field', () => {
    const store = loaded()
    for (const name of ['N', 'Ne', 'New'])
      store.getState().updateNode('rule:need', { name }, 'name')
    expect(store.getState().history.past).toHaveLength(1)
    store.getState().undo()
    expect(node(store, 'rule:need').data).toMatchObject({ name: 'Need confirmed or likely' })
  })

  it('deletes the selection with its wires, but never the thresholds', () => {
    const store = loaded()
    const ids = ['rule:need', 'policy']
    store
      .getState()
      .onNodesChange(ids.map((id) => ({ type: 'select' as const, id, selected: true })))
    store.getState().deleteSelection()
    const state = store.getState()
    expect(state.nodes.some((n) => n.id === 'rule:need')).toBe(false)
    expect(state.nodes.some((n) => n.id === 'policy')).toBe(true)
    expect(state.edges.some((e) => e.target === 'rule:need')).toBe(false)
    expect(state.validation?.byNode.get('rule:need/when')?.[0]?.code).toBe('detached')
  })

  it('pastes copies with new ids and a free rule id', () => {
    const store = loaded()
    const ids = ['rule:need', 'rule:need/when', 'rule:need/when.all.0']
    store
      .getState()
      .onNodesChange(ids.map((id) => ({ type: 'select' as const, id, selected: true })))
    store.getState().copySelection()
    let counter = 0
    store.getState().paste(() => `copy-${++counter}`)
    const state = store.getState()
    const copies = state.nodes.filter((n) => n.id.startsWith('copy-'))
    expect(copies.map((n) => n.id)).toEqual(['copy-1', 'copy-2', 'copy-3'])
    expect(copies[0]!.data).toMatchObject({ kind: 'rule', ruleId: 'need-2' })
    expect(state.edges.filter((e) => e.source.startsWith('copy-'))).toHaveLength(2)
    expect(state.validation?.ok).toBe(true)
    expect(state.validation?.ruleset?.rules.map((rule) => rule.id).at(-1)).toBe('need-2')
  })

  it('refuses a wire that would give a rule two inputs and says why', () => {
    const store = loaded()
    store.getState().connect({
      source: 'rule:engaged/when.any.0',
      target: 'rule:need',
      sourceHandle: null,
      targetHandle: null,
    })
    expect(store.getState().notice).toBe('This is already wired; each condition feeds one place')
    expect(store.getState().dirty).toBe(false)
  })

  it('changes nothing in a read-only version', () => {
    const store = createEditorStore()
    store.getState().load(rulesetToGraph(b2b, { layout: 'none' }), { readOnly: true })
    store.getState().updateNode('rule:need', { name: 'Changed' })
    expect(node(store, 'rule:need').data).toMatchObject({ name: 'Need confirmed or likely' })
    expect(store.getState().dirty).toBe(false)
  })
})
