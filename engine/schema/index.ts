export * from './condition.ts'
export * from './decision.ts'
export * from './lead.ts'
export * from './ruleset.ts'
