/**
 * json-rules-engine interop: import JRE rules into a ruleset, export a ruleset as JRE rules.
 * Pure data mapping; the engine never loads json-rules-engine itself.
 */
export * from './jre/export.ts'
export * from './jre/import.ts'
export { propertyNames, toJsonPath } from './jre/json-path.ts'
export { slugify } from './jre/rule-id.ts'
export type * from './jre/types.ts'
