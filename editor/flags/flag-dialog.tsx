import { useState } from 'react'
import type { Outcome, Ruleset } from '../../engine/index.ts'
import { issuesOf, messageOf } from '../api/client.ts'
import type { StoredDecision } from '../audit/load-decision.ts'
import { ConfirmActions } from '../ui/confirm-actions.tsx'
import { Dialog } from '../ui/dialog.tsx'
import { Field } from '../ui/field.tsx'
import { TextField } from '../ui/text-field.tsx'
import { flagBody, MAX_COMMENT, type FlagDraft } from './flag-form.ts'
import type { Flag } from './flag-types.ts'
import { raiseFlag } from './flags-api.ts'

/**
 * "This decision is wrong": a comment, the outcome expected, and the rules disputed. The
 * rules that rejected or nurtured the lead are listed first and ticked, since those are what
 * a person disputes nearly every time.
 */
export function FlagDialog({
  decision,
  ruleset,
  onRaised,
  onClose,
}: {
  decision: StoredDecision
  ruleset: Ruleset
  onRaised: (flag: Flag) => void
  onClose: () => void
}) {
  const gating = decision.rules
    .filter((rule) => rule.effect === 'rejected' || rule.effect === 'nurture')
    .map((rule) => rule.ruleId)
  const rules = [...ruleset.rules].sort(
    (a, b) => Number(gating.includes(b.id)) - Number(gating.includes(a.id)),
  )
  const [draft, setDraft] = useState<FlagDraft>({
    comment: '',
    suggestedOutcome: '',
    ruleIds: gating,
  })
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    const checked = flagBody(draft, decision.outcome)
    if (!checked.ok) return setProblem(checked.problem)
    setBusy(true)
    try {
      onRaised(await raiseFlag(decision.decisionId, checked.body))
    } catch (failure) {
      const issue = issuesOf(failure)[0]
      setProblem(issue ? `${issue.path}: ${issue.message}` : messageOf(failure))
    } finally {
      setBusy(false)
    }
  }
  const toggle = (id: string) =>
    setDraft((current) => ({
      ...current,
      ruleIds: current.ruleIds.includes(id)
        ? current.ruleIds.filter((other) => other !== id)
        : [...current.ruleIds, id],
    }))
  return (
    <Dialog
      title="Flag this decision"
      onClose={onClose}
      actions={
        <ConfirmActions
          confirm="Flag decision"
          working="Sending…"
          busy={busy}
          onConfirm={() => void send()}
          onCancel={onClose}
        />
      }
    >
      <p className="small muted" style={{ marginBottom: 12 }}>
        The flag shows on the ruleset as an open change request; the next version’s impact report
        says whether it changes this lead.
      </p>
      <TextField
        id="flag-comment"
        label="What is wrong with it?"
        multiline
        maxLength={MAX_COMMENT + 200}
        value={draft.comment}
        placeholder="e.g. 45 seats but a signed pilot with the parent company"
        onChange={(comment) => setDraft({ ...draft, comment })}
      />
      <Field htmlFor="flag-outcome" label="It should have been">
        <select
          id="flag-outcome"
          className="select"
          value={draft.suggestedOutcome}
          onChange={(event) =>
            setDraft({ ...draft, suggestedOutcome: event.target.value as Outcome | '' })
          }
        >
          <option value="">No suggestion</option>
          {(['accepted', 'nurture', 'rejected'] as const)
            .filter((outcome) => outcome !== decision.outcome)
            .map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
        </select>
      </Field>
      <fieldset className="field flag-rules">
        <legend className="field-label">Rules you dispute</legend>
        {rules.map((rule) => (
          <label key={rule.id} className="check-row small">
            <input
              type="checkbox"
              checked={draft.ruleIds.includes(rule.id)}
              onChange={() => toggle(rule.id)}
            />
            <span>{rule.name}</span>
            <span className={`badge badge-${rule.owner}`}>{rule.owner}</span>
          </label>
        ))}
      </fieldset>
      {problem && (
        <p className="small field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}
