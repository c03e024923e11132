import type { CompiledRuleset, Outcome, TestLead } from '../../engine/index.ts'

interface SavedTestsProps {
  tests: TestLead[]
  compiled: CompiledRuleset | null
  readOnly: boolean
  onOpen: (test: TestLead) => void
  onRemove: (index: number) => void
}

/**
 * The ruleset's own regression checks: every saved lead with an expected outcome, decided by
 * the current canvas, green when it still gets what it should.
 */
export function SavedTests({ tests, compiled, readOnly, onOpen, onRemove }: SavedTestsProps) {
  if (tests.length === 0) {
    return (
      <p className="small muted">
        No saved test leads yet. Fill in a lead below and save it with the outcome you expect.
      </p>
    )
  }
  const results = tests.map((test) => {
    const outcome: Outcome | undefined = compiled?.run(test.lead).outcome
    return { test, outcome, ok: test.expected === undefined || outcome === test.expected }
  })
  const passing = results.filter((result) => result.ok && result.outcome).length
  return (
    <>
      <p className="small" style={{ marginBottom: 8 }} data-testid="saved-tests-summary">
        {compiled ? (
          <>
            <strong className={passing === tests.length ? 'text-pass' : 'text-fail'}>
              {passing} of {tests.length}
            </strong>{' '}
            get the expected outcome
          </>
        ) : (
          <span className="muted">Fix the errors on the canvas to run the saved leads.</span>
        )}
      </p>
      <ul className="saved-tests">
        {results.map(({ test, outcome, ok }, at) => (
          <li
            key={`${test.name}-${at}`}
            className={outcome ? (ok ? 'saved-test is-pass' : 'saved-test is-fail') : 'saved-test'}
            data-testid="saved-test"
          >
            <button
              className="saved-test-open"
              onClick={() => onOpen(test)}
              title="Open in the test form"
            >
              <span className={`dot dot-${outcome ? (ok ? 'pass' : 'fail') : 'unknown'}`} />
              <span className="saved-test-name">{test.name}</span>
              <span className="small muted">
                {test.expected ? `expects ${test.expected}` : 'no expectation'}
                {outcome && !ok && `, got ${outcome}`}
              </span>
            </button>
            {!readOnly && (
              <button
                className="btn btn-ghost btn-small"
                aria-label={`Remove ${test.name}`}
                onClick={() => onRemove(at)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
