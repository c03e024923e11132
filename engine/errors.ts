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

/** One json-rules-engine feature leadgate does not support, and where it is used. */
export interface UnsupportedFeature {
  feature: string
  /** JSON path in the imported document: `rules[0].conditions.all[1].params`. */
  path: string
  detail: string
}

/**
 * A json-rules-engine document uses a feature leadgate does not support. Names the first
 * such use; `also` lists the others found in the same document, so one import attempt
 * reports everything that needs changing.
 */
export class UnsupportedFeatureError extends LeadgateError {
  constructor(
    readonly feature: string,
    readonly path: string,
    readonly detail: string,
    readonly also: readonly UnsupportedFeature[] = [],
  ) {
    super(
      'unsupported_jre_feature',
      [
        `${path}: unsupported json-rules-engine feature "${feature}": ${detail}`,
        ...also.map(
          (other) =>
            `${other.path}: unsupported json-rules-engine feature "${other.feature}": ${other.detail}`,
        ),
      ].join('\n'),
    )
  }
}

/** A json-rules-engine document that json-rules-engine itself would refuse. */
export class InvalidJreDocumentError extends LeadgateError {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super('invalid_jre_document', `${path || '(document)'}: ${detail}`)
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
