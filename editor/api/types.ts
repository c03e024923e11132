import type { InferResponseType } from 'hono/client'
import type { Ruleset } from '../../engine/index.ts'
import type { client } from './client.ts'

type Versions = (typeof client.api.rulesets)[':id']['versions']
type RawVersionView = InferResponseType<Versions[':v']['$get'], 200>

/** A version as the server shows it: document, status, sign-off, history, ETag. */
export type VersionView = Omit<RawVersionView, 'ruleset'> & { ruleset: Ruleset }

/**
 * The client types a JSON body structurally, and the recursive condition type comes out as
 * plain JSON values. The server validated the document with the engine's own schema before
 * storing it, so the document is a `Ruleset`; this says so in one place.
 */
export const asVersionView = (raw: RawVersionView): VersionView => raw as unknown as VersionView

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

type Decisions = typeof client.api.decisions
export type DecisionPage = InferResponseType<Decisions['$get'], 200>
/** A logged decision with its full trace and the lead as it was. */
export type StoredDecisionView = InferResponseType<Decisions[':decisionId']['$get'], 200>
export type ReplayView = InferResponseType<Decisions[':decisionId']['replay']['$post'], 200>
export type Simulation = InferResponseType<Versions[':v']['simulate']['$post'], 200>
