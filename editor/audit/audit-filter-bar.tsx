import { useState, type FormEvent } from 'react'
import { client, unwrap } from '../api/client.ts'
import { useAsync } from '../app/use-async.ts'
import { Field } from '../ui/field.tsx'
import { TextField } from '../ui/text-field.tsx'
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
    <TextField
      id={`audit-${key}`}
      label={label}
      value={draft[key] ?? ''}
      placeholder={hint}
      onChange={(value) => set(key, value)}
    />
  )
  return (
    <form className="card audit-filters" onSubmit={submit} aria-label="Search decisions">
      <div className="audit-filter-grid">
        {text('leadId', 'Lead id', 'e.g. 00Q5e00000AbCdE')}
        {text('email', 'Email', 'exact address')}
        {text('company', 'Company', 'part of the name')}
        <Field htmlFor="audit-outcome" label="Outcome">
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
        </Field>
        {text('reason', 'Reason (rule id)', 'e.g. min-employees')}
        <Field htmlFor="audit-ruleset" label="Ruleset">
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
        </Field>
        <TextField
          id="audit-version"
          label="Version"
          type="number"
          min={1}
          disabled={!draft.ruleset}
          placeholder={draft.ruleset ? 'any' : 'pick a ruleset'}
          value={String(draft.version ?? '')}
          onChange={(text) => {
            const version = Number(text)
            set('version', Number.isInteger(version) && version >= 1 ? version : '')
          }}
        />
        <TextField
          id="audit-from"
          label="From"
          type="date"
          value={draft.from ?? ''}
          onChange={(from) => set('from', from)}
        />
        <TextField
          id="audit-to"
          label="To"
          type="date"
          invalid={problem !== null}
          value={draft.to ?? ''}
          onChange={(to) => set('to', to)}
        />
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
