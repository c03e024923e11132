import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './app-env.ts'
import { uploadFormatOf } from './audit/lead-upload.ts'
import { identify } from './http/auth.ts'
import { editorSite } from './http/editor-site.ts'
import { handleError, handleNotFound } from './http/error-handler.ts'
import { jsonBody } from './http/json-body.ts'
import { mountApiDocs } from './http/openapi.ts'
import { newRouter } from './http/router.ts'
import { authRoutes } from './routes/auth.ts'
import { decisionRoutes } from './routes/decisions.ts'
import { evaluateRoutes } from './routes/evaluate.ts'
import { flagRoutes } from './routes/flags.ts'
import { healthRoutes } from './routes/health.ts'
import { keyRoutes } from './routes/keys.ts'
import { lifecycleRoutes } from './routes/lifecycle.ts'
import { rulesetRoutes } from './routes/rulesets.ts'
import { simulateRoutes } from './routes/simulate.ts'
import { userRoutes } from './routes/users.ts'
import { versionRoutes } from './routes/versions.ts'
import type { Services } from './services.ts'
import type { MiddlewareHandler } from 'hono'

export const MAX_BODY_BYTES = 1024 * 1024
const BATCH_PATH = '/api/evaluate/batch'
const SIMULATE_PATH = /^\/api\/rulesets\/[^/]+\/versions\/[^/]+\/simulate$/

/** Bodies that are not JSON: NDJSON batches, and CSV or NDJSON uploads to a simulation. */
const isRawBody = (path: string, contentType: string | undefined) =>
  path === BATCH_PATH || (uploadFormatOf(contentType) !== undefined && SIMULATE_PATH.test(path))

/** Every API route, chained so their types add up to `AppType`. */
function apiRoutes(services: Services) {
  return newRouter()
    .route('/api/health', healthRoutes(services))
    .route('/api/auth', authRoutes(services))
    .route('/api/users', userRoutes(services))
    .route('/api/keys', keyRoutes(services))
    .route('/api/rulesets', rulesetRoutes(services))
    .route('/api/rulesets', versionRoutes(services))
    .route('/api/rulesets', lifecycleRoutes(services))
    .route('/api/rulesets', simulateRoutes(services))
    .route('/api/evaluate', evaluateRoutes(services))
    .route('/api/decisions', decisionRoutes(services))
    .route('/api', flagRoutes(services))
}

/**
 * The API's type, for a typed client in the editor:
 *
 * @example
 * import { hc } from 'hono/client'
 * const api = hc<AppType>('/')
 * const res = await api.api.rulesets.$get()
 */
export type AppType = ReturnType<typeof apiRoutes>

export interface AppOptions {
  /** The built editor; served at `/` when it exists. */
  editorDir?: string
}

/**
 * The whole HTTP application: request ids, security headers, body limits and the JSON checks,
 * who is calling, the API, its OpenAPI document and reference page, and the editor.
 *
 * @example
 * const app = createApp(services)
 * const res = await app.request('/api/health')
 */
export function createApp(services: Services, options: AppOptions = {}) {
  const app = newRouter()
  app.use('*', requestId({ headerName: 'X-Request-Id' }))
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      // A route that sets its own policy keeps it (the API reference page needs an inline script).
      overwrite: false,
    }),
  )
  if (services.accessLog) app.use('*', accessLog(services.accessLog))
  const json = jsonBody(MAX_BODY_BYTES)
  app.use('/api/*', async (c, next) =>
    isRawBody(c.req.path, c.req.header('content-type')) ? next() : json(c, next),
  )
  app.use('/api/*', identify(services.accounts))
  app.route('/', apiRoutes(services))
  mountApiDocs(app, services.version)
  app.use('*', editorSite(options.editorDir ?? 'dist/editor'))
  app.notFound(handleNotFound)
  app.onError(handleError(services.log))
  return app
}

function accessLog(write: (line: string) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const ms = (performance.now() - started).toFixed(1)
    write(`${c.get('requestId')} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`)
  }
}
