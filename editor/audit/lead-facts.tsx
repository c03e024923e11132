import { useMemo } from 'react'
import { catalogFor, type Lead, type Ruleset } from '../../engine/index.ts'
import { leadEntries } from './lead-entries.ts'

/** The lead as it was when decided, as labelled lines grouped like the palette. */
export function LeadFacts({ lead, ruleset }: { lead: Lead; ruleset: Ruleset }) {
  const entries = useMemo(() => leadEntries(lead, catalogFor(ruleset)), [lead, ruleset])
  if (entries.length === 0) return <p className="small muted">The lead had no facts at all.</p>
  let category = ''
  return (
    <dl className="lead-facts" data-testid="lead-facts">
      {entries.map((entry) => {
        const heading = entry.category !== category
        category = entry.category
        return (
          <div key={entry.path} className={heading ? 'lead-fact lead-fact-first' : 'lead-fact'}>
            {heading && <div className="lead-fact-group">{entry.category}</div>}
            <dt title={entry.path}>{entry.label}</dt>
            <dd>{entry.value}</dd>
          </div>
        )
      })}
    </dl>
  )
}
