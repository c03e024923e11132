import { useCallback, useEffect, useRef, useState } from 'react'
import { client, unwrap } from '../api/client.ts'
import type { DecisionPage } from '../api/types.ts'
import { decisionQuery, type AuditFilters } from './audit-filters.ts'

export type DecisionRow = DecisionPage['items'][number]

export type SearchState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: DecisionRow[]; nextCursor: string | null; more: 'idle' | 'loading' }
  | { status: 'more-failed'; items: DecisionRow[]; nextCursor: string | null; error: unknown }

export const PAGE_SIZE = 50

/**
 * The decision log searched with `filters`, newest first, a page at a time: `loadMore`
 * follows the cursor the server handed out and appends. A new search drops answers to the
 * old one that arrive late.
 */
export function useDecisionSearch(filters: AuditFilters, key: string) {
  const [state, setState] = useState<SearchState>({ status: 'loading' })
  const round = useRef(0)
  const [retry, setRetry] = useState(0)

  useEffect(() => {
    const mine = ++round.current
    setState({ status: 'loading' })
    const query = { ...decisionQuery(filters), limit: String(PAGE_SIZE) }
    unwrap(client.api.decisions.$get({ query })).then(
      (page) =>
        mine === round.current &&
        setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' }),
      (error: unknown) => mine === round.current && setState({ status: 'error', error }),
    )
    // `filters` is described by `key`; a new object with the same filters is the same search.
  }, [key, retry])

  // The latest state for `loadMore`, which must not fetch inside a state updater (React may
  // run an updater twice).
  const latest = useRef(state)
  latest.current = state

  const loadMore = useCallback(() => {
    const current = latest.current
    if (current.status === 'loading' || current.status === 'error' || !current.nextCursor) return
    if (current.status === 'ready' && current.more === 'loading') return
    const mine = round.current
    const { items, nextCursor } = current
    const query = { ...decisionQuery(filters), limit: String(PAGE_SIZE), cursor: nextCursor }
    setState({ status: 'ready', items, nextCursor, more: 'loading' })
    unwrap(client.api.decisions.$get({ query })).then(
      (page) =>
        mine === round.current &&
        setState({
          status: 'ready',
          items: [...items, ...page.items],
          nextCursor: page.nextCursor,
          more: 'idle',
        }),
      (error: unknown) =>
        mine === round.current && setState({ status: 'more-failed', items, nextCursor, error }),
    )
  }, [key])

  const reload = useCallback(() => setRetry((n) => n + 1), [])
  return { state, loadMore, reload }
}
