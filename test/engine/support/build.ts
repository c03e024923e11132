/**
 * Small builders for engine tests: a valid ruleset around the rules under test, a lead
 * from dotted paths, and a decision for one rule. Not a test file (vitest only runs
 * `*.test.ts`).
 */
import {
  compileRuleset,
  parseRuleset,
  RULESET_CONTENT_TYPE,
  type Decision,
  type Lead,
  type Ruleset,
  type RulesetInput,
} from '../../../engine/index.ts'

type RuleInput = RulesetInput['rules'][number]

export const lists = {
  'competitor-domains': ['collabrix.com', 'workstreamhq.com'],
  'crm-products': ['salesforce', 'hubspot'],
  'decision-titles': ['vp', 'head of'],
  'free-mail-domains': ['gmail.com', 'yahoo.com'],
  'gov-suffixes': ['.gov', '.mil'],
}

/** A parsed ruleset with test lists and thresholds 60/30 unless overridden. */
export function buildRuleset(overrides: Partial<RulesetInput> = {}): Ruleset {
  return parseRuleset({
    contentType: RULESET_CONTENT_TYPE,
    schemaVersion: 1,
    id: 'test',
    name: 'Test',
    policy: { acceptAt: 60, nurtureAt: 30 },
    lists,
    rules: [],
    ...overrides,
  })
}

/** One rule with id "r", owner sales and a rationale, plus whatever the test sets. */
export function rule(fields: Partial<RuleInput> & Pick<RuleInput, 'kind' | 'when'>): RuleInput {
  return {
    id: 'r',
    name: 'Rule under test',
    owner: 'sales',
    rationale: 'Agreed in the Q3 review',
    ...(fields.kind === 'score' ? { points: 10 } : {}),
    ...fields,
  }
}

/** `{ 'company.employees': 12 }` → `{ company: { employees: 12 } }`. */
export function lead(facts: Record<string, unknown>): Lead {
  const built: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(facts)) {
    const parts = path.split('.')
    let group = built
    for (const part of parts.slice(0, -1)) {
      group[part] ??= {}
      group = group[part] as Record<string, unknown>
    }
    group[parts[parts.length - 1]!] = value
  }
  return built
}

/** Evaluates a lead against a ruleset made of the given rules (full trace). */
export function decide(
  rules: RuleInput[],
  facts: Record<string, unknown>,
  overrides: Partial<RulesetInput> = {},
): Decision {
  return compileRuleset(buildRuleset({ rules, ...overrides })).evaluate(lead(facts), {
    now: new Date('2025-01-02T03:04:05.000Z'),
  })
}

/** The reason text of rule "r", or undefined when the rule gave no reason. */
export function reasonOf(
  fields: Partial<RuleInput> & Pick<RuleInput, 'kind' | 'when'>,
  facts: Record<string, unknown>,
  overrides: Partial<RulesetInput> = {},
): string | undefined {
  return decide([rule(fields)], facts, overrides).reasons.find((reason) => reason.ruleId === 'r')
    ?.text
}
