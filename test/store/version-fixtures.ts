import type { VersionRecord } from '../../server/store/types.ts'

/** A stored version with a small valid document; fields overridable per test. */
export function versionRecord(
  rulesetId: string,
  version: number,
  patch: Partial<VersionRecord> = {},
): VersionRecord {
  const at = '2026-03-01T10:00:00.000Z'
  return {
    rulesetId,
    version,
    status: 'draft',
    revision: 1,
    contentHash: `hash-${rulesetId}-${version}`,
    document: {
      id: rulesetId,
      name: `Ruleset ${rulesetId}`,
      version,
      status: 'draft',
      policy: { acceptAt: 10, nurtureAt: 0 },
      rules: [
        {
          id: 'min-employees',
          name: 'At least 50 employees',
          owner: 'sales',
          kind: 'require',
          when: {
            all: [{ fact: 'company.employees', operator: 'greaterThanInclusive', value: 50 }],
          },
        },
      ],
    } as unknown as VersionRecord['document'],
    approvals: [],
    history: [{ action: 'create', from: null, to: 'draft', by: 'u1', email: 'a@x.com', at }],
    basedOn: null,
    createdBy: 'u1',
    createdAt: at,
    updatedBy: 'u1',
    updatedAt: at,
    ...patch,
  }
}

/** The next revision of a record with other fields changed: what the service writes. */
export function revised(record: VersionRecord, patch: Partial<VersionRecord>): VersionRecord {
  return { ...structuredClone(record), ...patch, revision: record.revision + 1 }
}
