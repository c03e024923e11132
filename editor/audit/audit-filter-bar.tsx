import { useState, type FormEvent } from 'react'
import { client, unwrap } from '../api/client.ts'
import { useAsync } from '../app/use-async.ts'
import type { Outcome } from '../../engine/index.ts'
import { activeFilterCount, filtersProblem, type AuditFilters } from './audit-filters.ts'

interface AuditFilterBarProps {
  filters: AuditFilters
  onSearch: (filters: AuditFilters) => void
}

/** Rulesets and their rules, for the ruleset picker and the reason suggestions. */
async function loadRulesets() {
  const { rulesets } = await unwrap(client.api.rulesets.$get())
  return rulesets.map((summary) => ({ id: summary.id, name: summary.name }))
}

/**
 * The explorer's search form. Typing changes nothing until "Search": a search is an address
 * (`#/decisions?leadId=…`), so it can be bookmarked, shared and gone back to.
 */
export function AuditFilterBar({ filters, onSearch }: AuditFilterBarProps) {
  const [draft, setDraft] = useState<AuditFilters>(filters)
  const [rulesets] = useAsync(loadRulesets, 'audit-rulesets')
  const problem = filtersProblem(draft)
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K] | '') =>
    setDraft((current) => {
      const next = { ...current }
      if (value === '' || value === undefined) delete next[key]
      else next[key] = value as AuditFilters[K]
      return next
    })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!problem) onSearch(draft)
  }
  const text = (key: 'leadId' | 'email' | 'company' | 'reason', label: string, hint: string) => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        className="input"
        value={draft[key] ?? ''}
        placeholder={hint}
        onChange={(event) => set(key, event.target.value)}
      />
    </div>
  )
  return (
    <form className="card audit-filters" onSubmit={submit} aria-label="Search decisions">
      <div className="audit-filter-grid">
        {text('leadId', 'Lead id', 'e.g. 00Q5e00000AbCdE')}
        {text('email', 'Email', 'exact address')}
        {text('company', 'Company', 'part of the name')}
        <div className="field">
          <label htmlFor="audit-outcome">Outcome</label>
          <select
            id="audit-outcome"
            className="select"
            value={draft.outcome ?? ''}
            onChange={(event) => set('outcome', event.target.value as Outcome | '')}
          >
            <option value="">Any outcome</option>
            <option value="accepted">Accepted</option>
            <option value="nurture">Nurture</option>
            <option value="rejected">Rejected</option>
          </select>
        </div>
        {text('reason', 'Reason (rule id)', 'e.g. min-employees')}
        <div className="field">
          <label htmlFor="audit-ruleset">Ruleset</label>
          <select
            id="audit-ruleset"
            className="select"
            value={draft.ruleset ?? ''}
            onChange={(event) => {
              set('ruleset', event.target.value)
              if (!event.target.value) set('version', '')
            }}
          >
            <option value="">Any ruleset</option>
            {rulesets.status === 'ready' &&
              rulesets.value.map((ruleset) => (
                <option key={ruleset.id} value={ruleset.id}>
                  {ruleset.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-version">Version</label>
          <input
            id="audit-version"
            className="input"
            type="number"
            min={1}
            disabled={!draft.ruleset}
            placeholder={draft.ruleset ? 'any' : 'pick a ruleset'}
            value={draft.version ?? ''}
            onChange={(event) => {
              const version = Number(event.target.value)
              set('version', Number.isInteger(version) && version >= 1 ? version : '')
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input
            id="audit-from"
            className="input"
            type="date"
            value={draft.from ?? ''}
            onChange={(event) => set('from', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input
            id="audit-to"
            className={problem ? 'input invalid' : 'input'}
            type="date"
            value={draft.to ?? ''}
            onChange={(event) => set('to', event.target.value)}
          />
        </div>
        <div className="audit-filter-actions">
          {activeFilterCount(draft) > 0 && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setDraft({})
                onSearch({})
              }}
            >
              Clear filters
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={problem !== null}>
            Search
          </button>
        </div>
      </div>
      {problem && (
        <p className="small field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  )
}
