import type { InferResponseType } from 'hono/client'
import type { client } from './client.ts'

type Versions = (typeof client.api.rulesets)[':id']['versions']

/** A version as the server shows it: document, status, sign-off, history, ETag. */
export type VersionView = InferResponseType<Versions[':v']['$get'], 200>
export type VersionListItem = InferResponseType<Versions['$get'], 200>['versions'][number]
export type RulesetSummary = InferResponseType<
  typeof client.api.rulesets.$get,
  200
>['rulesets'][number]
export type Me = InferResponseType<typeof client.api.auth.me.$get, 200>
export type User = Me['user']
export type DecisionSummary = InferResponseType<
  typeof client.api.decisions.$get,
  200
>['items'][number]
