import type { Principal } from './accounts/principal.ts'

/** What middleware leaves on the context for the handlers. */
export interface AppEnv {
  Variables: {
    principal: Principal | undefined
    requestId: string
    /** Security headers every response carries (see `standardHeaders`). */
    standardHeaders: { headers: Record<string, string>; keepRouteHeaders: boolean } | undefined
    /** Set when a handler built its response with them already in. */
    standardHeadersIncluded: boolean | undefined
  }
}
