import { client, messageOf } from '../api/client.ts'
import { AppHeader } from '../app/app-header.tsx'
import { navigate } from '../app/hash-route.ts'
import { AuditFilterBar } from '../audit/audit-filter-bar.tsx'
import {
  activeFilterCount,
  decisionQuery,
  filtersToSearch,
  type AuditFilters,
} from '../audit/audit-filters.ts'
import { DecisionTable } from '../audit/decision-table.tsx'
import { useDecisionSearch } from '../audit/use-decision-search.ts'
import { EmptyState, ErrorState } from '../ui/empty-state.tsx'

/**
 * "Why was this lead rejected?": the decision log searched by lead, contact, company,
 * outcome, ruleset version, dates and reason, a page at a time, exportable as CSV.
 */
export function AuditScreen({ filters }: { filters: AuditFilters }) {
  const key = filtersToSearch(filters)
  const { state, loadMore, reload } = useDecisionSearch(filters, key)
  const exportPath = client.api.decisions['export.csv'].$path({ query: decisionQuery(filters) })
  const filtered = activeFilterCount(filters) > 0
  return (
    <div className="page">
      <AppHeader />
      <main className="page-body page-body-wide">
        <div className="page-title">
          <div>
            <h1>Decision log</h1>
            <p className="muted">
              Every lead decided, with the version that decided it and why. Find a lead, read the
              reasons, replay it on another version or flag it.
            </p>
          </div>
          <a className="btn" href={exportPath} download>
            Export CSV
          </a>
        </div>
        <AuditFilterBar
          key={key}
          filters={filters}
          onSearch={(next) => navigate({ name: 'audit', filters: next })}
        />
        <div className="card table-card" aria-busy={state.status === 'loading'}>
          {state.status === 'loading' && <SkeletonRows />}
          {state.status === 'error' && (
            <ErrorState message={messageOf(state.error)} onRetry={reload} />
          )}
          {(state.status === 'ready' || state.status === 'more-failed') &&
            state.items.length === 0 && (
              <EmptyState
                icon="∅"
                title={filtered ? 'No decision matches these filters' : 'No decisions yet'}
                action={
                  filtered ? (
                    <button
                      className="btn"
                      onClick={() => navigate({ name: 'audit', filters: {} })}
                    >
                      Clear filters
                    </button>
                  ) : (
                    <a className="btn" href="/api/docs" target="_blank" rel="noreferrer">
                      How to send leads: API reference
                    </a>
                  )
                }
              >
                {filtered
                  ? 'Check the lead id or email for typos, widen the dates, or drop a filter.'
                  : "Decisions appear here as soon as a CRM, form or batch asks leadgate to decide a lead (POST /api/evaluate or /api/evaluate/batch with an API key). Leads tried in a ruleset's Test tab and files run through the leadgate command line are not logged."}
              </EmptyState>
            )}
          {(state.status === 'ready' || state.status === 'more-failed') &&
            state.items.length > 0 && (
              <>
                <DecisionTable items={state.items} />
                <div className="table-foot">
                  <span className="small muted" data-testid="result-count">
                    {state.items.length} decision{state.items.length === 1 ? '' : 's'} shown
                    {state.nextCursor ? ', more match' : ''}
                  </span>
                  {state.status === 'more-failed' && (
                    <span className="small field-error" role="alert">
                      {messageOf(state.error)}
                    </span>
                  )}
                  {state.nextCursor && (
                    <button
                      className="btn"
                      onClick={loadMore}
                      disabled={state.status === 'ready' && state.more === 'loading'}
                    >
                      {state.status === 'ready' && state.more === 'loading'
                        ? 'Loading…'
                        : state.status === 'more-failed'
                          ? 'Try again'
                          : 'Load more'}
                    </button>
                  )}
                </div>
              </>
            )}
        </div>
      </main>
    </div>
  )
}

function SkeletonRows() {
  return (
    <div style={{ padding: 16 }} role="status" aria-label="Searching decisions">
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className="skeleton" style={{ height: 40, marginBottom: 10 }} />
      ))}
    </div>
  )
}
