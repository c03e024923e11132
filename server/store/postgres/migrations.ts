import type pg from 'pg'

/**
 * The schema, one step per version. A step is never edited once released: a change is a new
 * step. Records are kept as `json` (not `jsonb`) so they come back with the key order they were
 * written with; the columns beside them exist for constraints and indexes.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'rulesets, accounts and the decision log',
    sql: `
      create table ruleset_versions (
        ruleset_id text not null,
        version integer not null,
        status text not null,
        revision integer not null,
        record json not null,
        primary key (ruleset_id, version)
      );
      -- The invariant publishing relies on: at most one published version per ruleset.
      create unique index ruleset_versions_one_published
        on ruleset_versions (ruleset_id) where status = 'published';

      -- position: listing order is creation order, as in the embedded store.
      create table users (
        id text primary key,
        position bigint generated always as identity,
        email text not null,
        record json not null
      );
      create unique index users_email on users (lower(email));

      create table sessions (
        token_hash text primary key,
        user_id text not null references users (id) on delete cascade,
        expires_at text not null,
        record json not null
      );
      create index sessions_user on sessions (user_id);

      create table api_keys (
        id text primary key,
        position bigint generated always as identity,
        created_at text not null,
        record json not null
      );

      -- Decision ids sort by time, so "newest first" is decision_id descending.
      create table decisions (
        decision_id text primary key,
        lead_id json,
        lead_key text,
        ruleset_id text not null,
        version integer not null,
        outcome text not null,
        score double precision not null,
        evaluated_at text not null,
        record text not null
      );
      create index decisions_lead on decisions (lead_key, decision_id desc);
      create index decisions_ruleset on decisions (ruleset_id, version, decision_id desc);
      create index decisions_evaluated_at on decisions (evaluated_at);
    `,
  },
  {
    version: 2,
    name: 'decision search by contact email, company and reason',
    sql: `
      alter table decisions add column email text, add column company text,
        add column reason_ids text[] not null default '{}';
      create index decisions_email on decisions (lower(email), decision_id desc);
    `,
  },
  {
    version: 3,
    name: 'flags: disputed decisions',
    sql: `
      -- No foreign key to decisions: retention may drop a decision while its flag stays.
      create table flags (
        flag_id text primary key,
        position bigint generated always as identity,
        decision_id text not null,
        ruleset_id text not null,
        created_by text not null,
        status text not null,
        record json not null
      );
      create index flags_decision on flags (decision_id, position desc);
      create index flags_ruleset on flags (ruleset_id, status, position desc);
      -- One open dispute per decision and person, whichever instance takes the request.
      create unique index flags_one_open on flags (decision_id, created_by) where status = 'open';
    `,
  },
]

/** Any number: all leadgate instances agree on it, so only one migrates at a time. */
const MIGRATION_LOCK = 7_320_416_001

/**
 * Brings the database to the newest schema inside one transaction per step, under an advisory
 * lock so instances starting together do not race. Returns the versions it applied.
 *
 * @example
 * const applied = await migrate(pool) // [1] on an empty database, [] afterwards
 */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`)
    const { rows } = await client.query<{ version: number }>(
      'select version from schema_migrations',
    )
    const done = new Set(rows.map((row) => row.version))
    const applied: number[] = []
    for (const step of migrations) {
      if (done.has(step.version)) continue
      await client.query('begin')
      try {
        await client.query(step.sql)
        await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
          step.version,
          step.name,
        ])
        await client.query('commit')
      } catch (error) {
        await client.query('rollback')
        throw new Error(
          `schema migration ${step.version} (${step.name}) failed: ${String(error)}`,
          {
            cause: error,
          },
        )
      }
      applied.push(step.version)
    }
    return applied
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}
