import { InvalidJreDocumentError } from '../errors.ts'
import { jreOperatorNames, leadOperatorNames, type OperatorName } from '../operators.ts'
import { forbiddenKeys, type Condition, type LeafCondition } from '../schema/condition.ts'
import { importValue } from './import-value.ts'
import { propertyNames } from './json-path.ts'

/** What the condition walk needs from the document around it, and where it reports. */
export interface ConditionImport {
  /** Named conditions (`engine.setCondition`), with their own JSON path for messages. */
  named: ReadonlyMap<string, { condition: unknown; path: string }>
  /** Operators the document says are leadgate's (an `exportJre` result lists them). */
  declaredOperators: ReadonlySet<string>
  unsupported(feature: string, path: string, detail: string): void
  warn(path: string, code: string, message: string): void
  /** Restores a `leadgate.list` note; answers false when the list cannot be restored. */
  restoreList(name: string, values: readonly unknown[], path: string): boolean
}

const MAX_DEPTH = 64
const factIdPattern = /^[A-Za-z_][\w-]*$/
const jreOperators: ReadonlySet<string> = new Set(jreOperatorNames)
const leadOperators: ReadonlySet<string> = new Set(leadOperatorNames)
const gateKeys = ['all', 'any', 'not', 'condition'] as const

/**
 * One JRE condition as a leadgate condition. Features leadgate cannot honour are reported
 * through `context.unsupported` (the walk goes on, so all of them are found at once) and
 * the answer is then undefined; a document JRE itself would refuse throws at once.
 */
export function importCondition(
  node: unknown,
  path: string,
  context: ConditionImport,
  depth = 0,
  expanding: readonly string[] = [],
): Condition | undefined {
  if (depth > MAX_DEPTH) {
    throw new InvalidJreDocumentError(path, `conditions nest more than ${MAX_DEPTH} levels deep`)
  }
  const condition = objectAt(node, path, 'a condition')
  const forms = [...gateKeys, 'fact'].filter((key) => Object.hasOwn(condition, key))
  if (forms.length !== 1) {
    throw new InvalidJreDocumentError(
      path,
      forms.length === 0
        ? 'a condition needs "all", "any", "not", "condition" or a "fact"'
        : `a condition has one of "all", "any", "not", "condition" or "fact"; found ${forms.map((f) => `"${f}"`).join(' and ')}`,
    )
  }
  const form = forms[0]!
  if (form === 'fact') return importLeaf(condition, path, context)
  dropExtras(condition, [form, 'leadgate'], path, context)
  if (form === 'condition') return importReference(condition, path, context, depth, expanding)
  if (form === 'not') {
    const inner = condition.not
    if (Array.isArray(inner))
      throw new InvalidJreDocumentError(`${path}.not`, '"not" cannot be an array')
    const imported = importCondition(inner, `${path}.not`, context, depth + 1, expanding)
    return imported && { not: imported }
  }
  const members = condition[form]
  if (!Array.isArray(members)) {
    throw new InvalidJreDocumentError(`${path}.${form}`, `"${form}" must be an array`)
  }
  if (members.length === 0) {
    context.unsupported(
      'empty group',
      `${path}.${form}`,
      `json-rules-engine counts an empty "${form}" as true; leadgate needs at least one condition in a group`,
    )
    return undefined
  }
  const imported = members.map((member, at) =>
    importCondition(member, `${path}.${form}[${at}]`, context, depth + 1, expanding),
  )
  if (imported.some((member) => member === undefined)) return undefined
  return form === 'all' ? { all: imported as Condition[] } : { any: imported as Condition[] }
}

function importReference(
  condition: Record<string, unknown>,
  path: string,
  context: ConditionImport,
  depth: number,
  expanding: readonly string[],
): Condition | undefined {
  const name = condition.condition
  if (typeof name !== 'string') {
    throw new InvalidJreDocumentError(`${path}.condition`, 'a condition reference is a name')
  }
  const named = context.named.get(name)
  if (!named) {
    context.unsupported(
      'unresolved shared condition',
      `${path}.condition`,
      `no condition named "${name}" was given (engine.setCondition); leadgate does not treat a missing condition as false`,
    )
    return undefined
  }
  if (expanding.includes(name)) {
    throw new InvalidJreDocumentError(
      `${path}.condition`,
      `condition "${name}" refers to itself (${[...expanding, name].join(' → ')})`,
    )
  }
  return importCondition(named.condition, named.path, context, depth + 1, [...expanding, name])
}

function importLeaf(
  leaf: Record<string, unknown>,
  path: string,
  context: ConditionImport,
): LeafCondition | undefined {
  const problems = context.unsupported
  let supported = true
  const refuse = (feature: string, where: string, detail: string) => {
    problems(feature, where, detail)
    supported = false
  }
  dropExtras(leaf, ['fact', 'operator', 'value', 'path', 'params', 'leadgate'], path, context)

  if (leaf.params !== undefined) {
    refuse(
      'fact params',
      `${path}.params`,
      'params feed a fact computed by code (engine.addFact); leadgate reads facts from the lead',
    )
  }
  const fact = leaf.fact
  if (typeof fact !== 'string')
    throw new InvalidJreDocumentError(`${path}.fact`, 'a fact is a name')
  if (fact.includes('.')) {
    refuse(
      'dotted fact id',
      `${path}.fact`,
      `json-rules-engine reads "${fact}" as one fact whose name has a dot, leadgate as a path into nested objects; write { "fact": "${fact.split('.')[0]}", "path": "$.${fact.split('.').slice(1).join('.')}" }`,
    )
  } else if (!factIdPattern.test(fact) || forbiddenKeys.has(fact)) {
    refuse(
      'fact id',
      `${path}.fact`,
      `"${fact}" is not a leadgate field name (letters, digits, "_" and "-")`,
    )
  }
  let below: string[] = []
  if (leaf.path !== undefined && leaf.path !== '') {
    if (typeof leaf.path !== 'string')
      throw new InvalidJreDocumentError(`${path}.path`, 'a path is text')
    const names = propertyNames(leaf.path)
    if (!names || names.some((name) => forbiddenKeys.has(name))) {
      refuse(
        'complex JSONPath',
        `${path}.path`,
        `"${leaf.path}" is not a plain property path such as "$.employees"; leadgate reads dotted paths only`,
      )
    } else below = names
  }

  const operator = leaf.operator
  if (typeof operator !== 'string')
    throw new InvalidJreDocumentError(`${path}.operator`, 'an operator is a name')
  if (operator.includes(':')) {
    refuse(
      'operator decorator',
      `${path}.operator`,
      `"${operator}" applies decorators (${operator.split(':').slice(0, -1).join(', ')}) made of code registered with the engine`,
    )
  } else if (leadOperators.has(operator)) {
    if (!context.declaredOperators.has(operator)) {
      context.warn(
        `${path}.operator`,
        'jre_custom_operator',
        `"${operator}" is not built into json-rules-engine; it is read as leadgate's "${operator}", check that your engine's custom operator means the same`,
      )
    }
  } else if (!jreOperators.has(operator)) {
    refuse(
      'custom operator',
      `${path}.operator`,
      `"${operator}" is neither a json-rules-engine nor a leadgate operator; its meaning lives in code registered with engine.addOperator`,
    )
  }

  const value = operator === 'exists' ? undefined : importValue(leaf, path, operator, refuse)
  if (!supported) return undefined
  const imported: LeafCondition = {
    fact: [fact, ...below].join('.'),
    operator: operator as OperatorName,
  }
  if (value === undefined) return imported
  imported.value = value
  const list = noteOf(leaf, path, context).list
  if (list !== undefined && Array.isArray(value) && context.restoreList(list, value, path)) {
    imported.value = { list }
  }
  return imported
}

/** The list an `exportJre` note says the inlined value came from. */
function noteOf(node: Record<string, unknown>, path: string, context: ConditionImport) {
  const note = node.leadgate
  if (note === undefined) return {}
  if (note === null || typeof note !== 'object' || Array.isArray(note)) {
    context.warn(
      `${path}.leadgate`,
      'jre_dropped_property',
      '"leadgate" note is not an object; ignored',
    )
    return {}
  }
  const { list } = note as Record<string, unknown>
  return { list: typeof list === 'string' ? list : undefined }
}

export function isLeadgateWrapper(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false
  const note = (node as Record<string, unknown>).leadgate
  return (
    note !== null && typeof note === 'object' && (note as Record<string, unknown>).wrapper === true
  )
}

const droppedReasons: Record<string, string> = {
  name: 'leadgate conditions have no name; json-rules-engine does not use it to decide',
  priority:
    'condition priority only orders evaluation in json-rules-engine; leadgate evaluates every condition',
}

/** Custom properties JRE keeps but never uses to decide: dropped, with a warning each. */
function dropExtras(
  node: Record<string, unknown>,
  known: readonly string[],
  path: string,
  context: ConditionImport,
): void {
  for (const key of Object.keys(node)) {
    if (known.includes(key)) continue
    context.warn(
      `${path}.${key}`,
      'jre_dropped_property',
      `"${key}" dropped: ${droppedReasons[key] ?? 'a custom property json-rules-engine does not use to decide'}`,
    )
  }
}

export function objectAt(node: unknown, path: string, what: string): Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw new InvalidJreDocumentError(path, `${what} is an object`)
  }
  return node as Record<string, unknown>
}
