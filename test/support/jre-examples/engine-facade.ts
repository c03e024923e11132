import {
  compileRuleset,
  importJre,
  propertyNames,
  UnsupportedFeatureError,
  type CompiledRuleset,
  type Condition,
  type Decision,
  type UnsupportedFeature,
} from '../../../engine/index.ts'

/**
 * A stand-in for json-rules-engine's `Engine`, `Fact` and `Almanac`, backed by leadgate, so
 * the upstream examples run unchanged (see preload.ts). Rules and named conditions go
 * through `importJre` exactly as a user's would; what only exists as code in the example
 * (facts computed by functions, custom operators and decorators, custom almanacs, engine
 * options that change evaluation) cannot be imported and is refused with the same
 * `UnsupportedFeatureError`. Test support only: never shipped, never given user input.
 */

type Handler = (...args: unknown[]) => unknown
type JreRuleJson = {
  name?: unknown
  priority?: number
  event?: { type: string; params?: unknown }
}

export class Fact {
  readonly dynamic: boolean
  constructor(
    readonly id: string,
    readonly valueOrMethod: unknown,
  ) {
    this.dynamic = typeof valueOrMethod === 'function'
  }
}

/** Answers fact values of one run, as `almanac.factValue(id, params, path)` does. */
export class Almanac {
  constructor(private readonly facts: Record<string, unknown> = {}) {}

  factValue(id: string, _params?: unknown, path?: string): Promise<unknown> {
    let value = this.facts[id]
    for (const name of path ? (propertyNames(path) ?? []) : []) {
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[name]
          : undefined
    }
    return Promise.resolve(value)
  }
}

const codeOnly = (feature: string, path: string, detail: string): UnsupportedFeature => ({
  feature,
  path,
  detail,
})

export class Engine {
  private readonly rules: JreRuleJson[] = []
  private readonly named: Record<string, unknown> = {}
  private readonly constants: Record<string, unknown> = {}
  private readonly codeFeatures: UnsupportedFeature[] = []
  private readonly handlers = new Map<string, Handler[]>()
  private compiled: CompiledRuleset | undefined

  constructor(rules: unknown[] = [], options: Record<string, unknown> = {}) {
    if (options.replaceFactsInEventParams) {
      this.codeFeatures.push(
        codeOnly(
          'facts in event params',
          'new Engine(rules, { replaceFactsInEventParams })',
          'event params are resolved from facts at run time',
        ),
      )
    }
    if (options.pathResolver) {
      this.codeFeatures.push(
        codeOnly(
          'custom path resolver',
          'new Engine(rules, { pathResolver })',
          'paths are read by code',
        ),
      )
    }
    for (const rule of rules) this.addRule(rule)
  }

  addRule(rule: unknown): this {
    this.rules.push(rule as JreRuleJson)
    this.compiled = undefined
    return this
  }

  setCondition(name: string, condition: unknown): this {
    this.named[name] = condition
    this.compiled = undefined
    return this
  }

  addFact(id: string | Fact, valueOrMethod?: unknown): this {
    const fact = id instanceof Fact ? id : new Fact(id, valueOrMethod)
    if (fact.dynamic) {
      this.codeFeatures.push(
        codeOnly(
          'dynamic fact',
          `engine.addFact("${fact.id}")`,
          'the fact is computed by a function at run time; leadgate reads facts from the lead',
        ),
      )
    } else {
      this.constants[fact.id] = fact.valueOrMethod
    }
    return this
  }

  addOperator(operator: string | { name: string }): this {
    const name = typeof operator === 'string' ? operator : operator.name
    this.codeFeatures.push(
      codeOnly('custom operator', `engine.addOperator("${name}")`, 'the operator is a function'),
    )
    return this
  }

  addOperatorDecorator(decorator: string | { name: string }): this {
    const name = typeof decorator === 'string' ? decorator : decorator.name
    this.codeFeatures.push(
      codeOnly(
        'operator decorator',
        `engine.addOperatorDecorator("${name}")`,
        'the decorator is a function',
      ),
    )
    return this
  }

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
    return this
  }

  async run(facts: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
    const compiled = this.prepare()
    if (options.almanac) {
      throw new UnsupportedFeatureError(
        'custom almanac',
        'engine.run(facts, { almanac })',
        'the almanac changes how facts are read, in code',
      )
    }
    const lead = { ...this.constants, ...facts }
    const decision = compiled.evaluate(lead, { trace: 'full' })
    const almanac = new Almanac(lead)
    const outcome = { events: [], failureEvents: [], results: [], failureResults: [], almanac } as {
      events: unknown[]
      failureEvents: unknown[]
      results: unknown[]
      failureResults: unknown[]
      almanac: Almanac
    }
    // JRE runs higher priorities first; within one priority, in the order rules were added.
    const order = this.rules
      .map((rule, at) => ({ rule, at }))
      .sort((a, b) => (b.rule.priority ?? 1) - (a.rule.priority ?? 1))
    for (const { rule, at } of order) {
      const imported = compiled.ruleset.rules[at]!
      const passed = decision.rules[at]!.result === 'pass'
      const event = rule.event ?? { type: 'unknown' }
      const ruleResult = {
        name: rule.name,
        event,
        priority: rule.priority ?? 1,
        result: passed,
        conditions: conditionResults(imported.when, 'when', imported.id, decision),
      }
      if (passed) {
        outcome.events.push(event)
        outcome.results.push(ruleResult)
        await this.emit('success', event, almanac, ruleResult)
        await this.emit(event.type, event.params, almanac, ruleResult)
      } else {
        outcome.failureEvents.push(event)
        outcome.failureResults.push(ruleResult)
        await this.emit('failure', event, almanac, ruleResult)
      }
    }
    return outcome
  }

  private prepare(): CompiledRuleset {
    if (this.compiled) return this.compiled
    let ruleset
    try {
      ruleset = importJre({ rules: this.rules, conditions: this.named }).ruleset
    } catch (error) {
      // Name what the code does wrong too, so one run reports everything.
      if (!(error instanceof UnsupportedFeatureError)) throw error
      throw new UnsupportedFeatureError(error.feature, error.path, error.detail, [
        ...error.also,
        ...this.codeFeatures,
      ])
    }
    const [first, ...also] = this.codeFeatures
    if (first) throw new UnsupportedFeatureError(first.feature, first.path, first.detail, also)
    this.compiled = compileRuleset(ruleset)
    return this.compiled
  }

  private async emit(event: string, ...args: unknown[]): Promise<void> {
    await Promise.all((this.handlers.get(event) ?? []).map((handler) => handler(...args)))
  }
}

/** The rule's conditions in JRE's `ruleResult.conditions` shape, results from the trace. */
function conditionResults(
  condition: Condition,
  path: string,
  ruleId: string,
  decision: Decision,
): Record<string, unknown> {
  const entry = decision.trace.find(
    (candidate) => candidate.ruleId === ruleId && candidate.path === path,
  )
  const result = entry?.result === 'pass'
  if ('all' in condition) {
    return {
      all: condition.all.map((c, at) => conditionResults(c, `${path}.all.${at}`, ruleId, decision)),
      result,
    }
  }
  if ('any' in condition) {
    return {
      any: condition.any.map((c, at) => conditionResults(c, `${path}.any.${at}`, ruleId, decision)),
      result,
    }
  }
  if ('not' in condition) {
    return { not: conditionResults(condition.not, `${path}.not`, ruleId, decision), result }
  }
  const [fact, ...below] = condition.fact.split('.')
  return {
    fact,
    ...(below.length > 0 ? { path: `$.${below.join('.')}` } : {}),
    operator: condition.operator,
    value: condition.value,
    factResult: entry?.actual,
    result,
  }
}
