#!/usr/bin/env bash
# Makes sure a throw-away PostgreSQL answers on 127.0.0.1 for the tests, and prints its URL
# (the only thing on stdout). Idempotent: when one already answers on the port it is reused,
# so the second call costs one pg_isready. Installs Debian's package when PostgreSQL is
# missing (CI runs as root); as root the server runs as the `postgres` user, since PostgreSQL
# refuses to run as root.
#
#   export LEADGATE_TEST_DATABASE_URL="$(bash scripts/ci-postgres.sh)"
#
# LEADGATE_PG_PORT (default 54329) and LEADGATE_PG_DIR (default /tmp/leadgate-pg-<port>)
# choose the port and the data folder. Trust authentication on loopback only: this server
# holds nothing but test data and listens on 127.0.0.1.
set -euo pipefail

port="${LEADGATE_PG_PORT:-54329}"
data="${LEADGATE_PG_DIR:-/tmp/leadgate-pg-$port}"
user=leadgate
database=leadgate
url="postgres://$user@127.0.0.1:$port/$database"

log() { echo "ci-postgres: $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

bin="$(find_bin)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed; install it (apt-get install postgresql) or set LEADGATE_TEST_DATABASE_URL"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends postgresql >&2 ||
    { apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2; }
  bin="$(find_bin)"
  [ -n "$bin" ] || { log "PostgreSQL installed but pg_ctl not found"; exit 1; }
fi

# Runs a command as the owner of the cluster: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Two test runs starting at once (several worktrees) must not both initdb the same folder.
exec 9>"/tmp/leadgate-pg-$port.lock"
flock 9

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating a throw-away cluster in $data"
    rm -rf "$data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    chmod 700 "$data"
    as_owner "$bin/initdb" -D "$data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >/dev/null
  fi
  # The server outlives this script: it must not inherit the lock (fd 9) nor our stdout and
  # stderr, or a caller reading our output would wait for it forever.
  log "starting PostgreSQL on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" \
    -o "-k /tmp -c listen_addresses=127.0.0.1 -p $port -c max_connections=200" -w start \
    </dev/null >"$data/pg_ctl.out" 2>&1 9>&- ||
    { cat "$data/pg_ctl.out" "$data/server.log" >&2 2>/dev/null; exit 1; }
fi

exists="$("$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
  "select 1 from pg_database where datname = '$database'")"
if [ "$exists" != 1 ]; then
  "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database"
fi

echo "$url"
