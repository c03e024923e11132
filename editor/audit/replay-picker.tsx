import { useState } from 'react'
import { navigate } from '../app/hash-route.ts'
import { useAsync } from '../app/use-async.ts'
import { loadVersionList } from './load-decision.ts'

const statusWords: Record<string, string> = {
  draft: 'draft',
  in_review: 'in review',
  approved: 'approved',
  published: 'live',
  archived: 'archived',
}

/**
 * Picks another version of the decision's ruleset to replay the lead on; the newest one (the
 * current draft, usually) comes first, since "what would the draft do" is the usual question.
 */
export function ReplayPicker({
  decisionId,
  rulesetId,
  current,
}: {
  decisionId: string
  rulesetId: string
  /** The version that made the decision (or the one replayed now). */
  current: number
}) {
  const [versions] = useAsync(() => loadVersionList(rulesetId), rulesetId)
  const others =
    versions.status === 'ready'
      ? [...versions.value].reverse().filter((item) => item.version !== current)
      : []
  const [picked, setPicked] = useState<number | null>(null)
  const chosen = picked ?? others[0]?.version ?? null
  if (versions.status === 'ready' && others.length === 0) {
    return <p className="small muted">This ruleset has no other version to replay on yet.</p>
  }
  return (
    <div className="replay-picker">
      <label htmlFor="replay-version" className="small">
        Replay on
      </label>
      <select
        id="replay-version"
        className="select"
        value={chosen ?? ''}
        disabled={versions.status !== 'ready'}
        onChange={(event) => setPicked(Number(event.target.value))}
      >
        {versions.status !== 'ready' && <option value="">Loading versions…</option>}
        {others.map((item) => (
          <option key={item.version} value={item.version}>
            v{item.version} ({statusWords[item.status] ?? item.status})
          </option>
        ))}
      </select>
      <button
        className="btn"
        disabled={chosen === null}
        onClick={() => chosen && navigate({ name: 'replay', id: decisionId, version: chosen })}
      >
        Replay
      </button>
    </div>
  )
}
