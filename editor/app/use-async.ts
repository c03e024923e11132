import { useCallback, useEffect, useState } from 'react'

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T }

/** Loads on mount and whenever `key` changes; `reload` loads again. */
export function useAsync<T>(load: () => Promise<T>, key: string): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }))
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    )
    return () => {
      live = false
    }
    // `load` is recreated on each render; `key` and `round` say when to load again.
  }, [key, round])
  const reload = useCallback(() => setRound((n) => n + 1), [])
  return [state, reload]
}
