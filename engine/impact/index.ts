export * from './flip-cause.ts'
export * from './impact-report.ts'
export * from './rule-effects.ts'
