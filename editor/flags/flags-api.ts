import { client, unwrap } from '../api/client.ts'
import type { FlagBody } from './flag-form.ts'
import type { FlagStatus } from './flag-types.ts'

/** The dispute loop through the typed client: raise, list, resolve, dismiss. */

export const flagsOfDecision = (decisionId: string) =>
  unwrap(client.api.decisions[':decisionId'].flags.$get({ param: { decisionId } }))

export const raiseFlag = (decisionId: string, body: FlagBody) =>
  unwrap(client.api.decisions[':decisionId'].flags.$post({ param: { decisionId }, json: body }))

export const flagsOfRuleset = (id: string, status: FlagStatus) =>
  unwrap(client.api.rulesets[':id'].flags.$get({ param: { id }, query: { status } }))

export const closeFlag = (flagId: string, action: 'resolve' | 'dismiss', note: string) =>
  unwrap(
    action === 'resolve'
      ? client.api.flags[':flagId'].resolve.$post({ param: { flagId }, json: { note } })
      : client.api.flags[':flagId'].dismiss.$post({ param: { flagId }, json: { note } }),
  )
