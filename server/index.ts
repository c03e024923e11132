export * from './app.ts'
export * from './services.ts'
export * from './open-services.ts'
