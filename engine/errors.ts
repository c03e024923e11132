/** Errors carry a stable `code` so the server and CLI can map them without parsing text. */
export class LeadgateError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

export interface RulesetIssue {
  /** JSON path of the offending field: `rules[3].when.all[1].operator`. */
  path: string
  message: string
  severity: 'error' | 'warning'
  code: string
}

export class RulesetValidationError extends LeadgateError {
  constructor(readonly issues: RulesetIssue[]) {
    super(
      'invalid_ruleset',
      issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.path || '(ruleset)'}: ${issue.message}`)
        .join('\n'),
    )
  }
}

/** A json-rules-engine document uses a feature leadgate does not support. */
export class UnsupportedFeatureError extends LeadgateError {
  constructor(
    readonly feature: string,
    readonly path: string,
    detail: string,
  ) {
    super(
      'unsupported_jre_feature',
      `${path}: unsupported json-rules-engine feature "${feature}": ${detail}`,
    )
  }
}

/**
 * `['rules', 3, 'when', 'all', 1]` → `rules[3].when.all[1]`; a key that is not a plain
 * name is quoted so the path stays unambiguous: `fields["custom.tier"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else if (!/^[A-Za-z_$][\w$-]*$/.test(String(part))) text += `[${JSON.stringify(String(part))}]`
    else text += text === '' ? String(part) : `.${String(part)}`
  }
  return text
}
