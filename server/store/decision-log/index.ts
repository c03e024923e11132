export * from './decision-index.ts'
export * from './group-commit.ts'
export * from './ndjson-decision-log.ts'
