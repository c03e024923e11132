/**
 * The json-rules-engine (JRE) document shapes leadgate reads and writes, declared here so the
 * engine stays free of the library itself. They follow JRE 7's rule JSON (`rule.toJSON()`).
 */

/** A leaf: `{ fact, operator, value, path? }`, plus JRE options leadgate may refuse. */
export interface JreLeafCondition {
  fact: string
  operator: string
  value: unknown
  /** JSONPath into the fact's value, e.g. `$.employees`. */
  path?: string
  params?: Record<string, unknown>
  priority?: number
  name?: string
  /** Written by `exportJre` so an import restores what JRE has no words for. */
  leadgate?: JreLeadgateNote
}

export interface JreAllCondition {
  all: JreCondition[]
  leadgate?: JreLeadgateNote
  name?: string
  priority?: number
}
export interface JreAnyCondition {
  any: JreCondition[]
  name?: string
  priority?: number
}
export interface JreNotCondition {
  not: JreCondition
  name?: string
  priority?: number
}
/** A reference to a named condition registered with `engine.setCondition(name, ...)`. */
export interface JreConditionReference {
  condition: string
}

export type JreCondition =
  JreLeafCondition | JreAllCondition | JreAnyCondition | JreNotCondition | JreConditionReference

/**
 * What `exportJre` notes on a condition; JRE keeps custom properties and ignores them.
 * `list`: the inlined value came from this ruleset list. `wrapper`: this `all` only exists
 * because JRE wants a group at the root of a rule.
 */
export interface JreLeadgateNote {
  list?: string
  wrapper?: boolean
}

/** JRE wants a group or a reference at the root of a rule, never a single leaf. */
export type JreTopLevelCondition =
  JreAllCondition | JreAnyCondition | JreNotCondition | JreConditionReference

export interface JreEvent {
  type: string
  params?: Record<string, unknown>
}

export interface JreRule {
  conditions: JreTopLevelCondition
  event: JreEvent
  name?: string
  priority?: number
}

/** What `exportJre` answers, and one of the shapes `importJre` accepts. */
export interface JreDocument {
  rules: JreRule[]
  /** Named conditions, as `engine.setCondition(name, condition)` registers them. */
  conditions?: Record<string, JreCondition>
  /**
   * Operators the rules use that JRE does not have built in; register them on the engine
   * (`engine.addOperator`) with leadgate's meaning before running the rules.
   */
  customOperators?: string[]
}

/** The params `exportJre` puts on every event, so a JRE run can be turned into a decision. */
export interface JreLeadgateParams {
  ruleId: string
  kind: 'require' | 'disqualify' | 'score'
  owner: 'marketing' | 'sales'
  points?: number
  onMissing?: 'nurture' | 'reject' | 'pass'
  rationale?: string
}
