import type { Principal } from './accounts/principal.ts'

/** What middleware leaves on the context for the handlers. */
export interface AppEnv {
  Variables: {
    principal: Principal | undefined
    requestId: string
  }
}
