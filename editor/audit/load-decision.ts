import type { Decision, Lead } from '../../engine/index.ts'
import { client, unwrap } from '../api/client.ts'
import { asVersionView, type VersionView } from '../api/types.ts'

/** A logged decision: full trace, the lead as it was, who asked. */
export type StoredDecision = Decision & {
  decisionId: string
  lead: Lead
  source: { kind: 'key' | 'user'; id: string }
}

/**
 * One logged decision and the ruleset version that made it. The server checked both
 * against the engine's schemas when it stored them; the casts say so in one place, as
 * `asVersionView` does for versions.
 */
export async function loadDecision(
  decisionId: string,
): Promise<{ decision: StoredDecision; version: VersionView }> {
  const raw = await unwrap(client.api.decisions[':decisionId'].$get({ param: { decisionId } }))
  const decision = raw as unknown as StoredDecision
  const version = await loadVersion(decision.ruleset.id, decision.ruleset.version)
  return { decision, version }
}

export const loadVersion = (id: string, version: number): Promise<VersionView> =>
  unwrap(
    client.api.rulesets[':id'].versions[':v'].$get({ param: { id, v: String(version) } }),
  ).then(asVersionView)

export async function loadVersionList(id: string) {
  const { versions } = await unwrap(client.api.rulesets[':id'].versions.$get({ param: { id } }))
  return versions
}
