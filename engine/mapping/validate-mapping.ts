import type { z } from 'zod'
import { formatPath, LeadgateError } from '../errors.ts'
import { forbiddenKeys } from '../schema/condition.ts'
import { mappingSchema, type Mapping } from './schema.ts'

export interface MappingIssue {
  /** JSON path of the offending field: `facts.company.employees.type`. */
  path: string
  message: string
}

export class MappingValidationError extends LeadgateError {
  constructor(readonly issues: MappingIssue[]) {
    super(
      'invalid_mapping',
      issues.map((issue) => `${issue.path || '(mapping)'}: ${issue.message}`).join('\n'),
    )
  }
}

/**
 * Checks a mapping document and names the JSON path of every problem.
 *
 * @example
 * const result = validateMapping(JSON.parse(text))
 * if (!result.ok) console.error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
 */
export function validateMapping(
  input: unknown,
): { ok: true; mapping: Mapping } | { ok: false; issues: MappingIssue[] } {
  // zod drops a "__proto__" record key without a word; refuse it (and its kin) out loud.
  const refused = forbiddenKeyPaths(input, [], 0)
  if (refused.length > 0) return { ok: false, issues: refused }
  const parsed = mappingSchema.safeParse(input)
  if (parsed.success) return { ok: true, mapping: parsed.data }
  return { ok: false, issues: parsed.error.issues.flatMap((issue) => flatten(issue, [])) }
}

/** Like `validateMapping`, but throws `MappingValidationError`. */
export function parseMapping(input: unknown): Mapping {
  const result = validateMapping(input)
  if (!result.ok) throw new MappingValidationError(result.issues)
  return result.mapping
}

/** zod reports a bad record key as one "Invalid key" issue wrapping the key's own issues. */
function flatten(issue: z.core.$ZodIssue, base: PropertyKey[]): MappingIssue[] {
  const path = [...base, ...issue.path]
  if (issue.code === 'invalid_key') return issue.issues.flatMap((inner) => flatten(inner, path))
  return [{ path: formatPath(path), message: issue.message }]
}

function forbiddenKeyPaths(value: unknown, path: PropertyKey[], depth: number): MappingIssue[] {
  if (value === null || typeof value !== 'object' || depth > 8) return []
  return Object.keys(value).flatMap((key) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key]
    if (forbiddenKeys.has(key)) {
      return [{ path: formatPath(at), message: `"${key}" may not be used as a key` }]
    }
    return forbiddenKeyPaths((value as Record<string, unknown>)[key], at, depth + 1)
  })
}
