# shellcheck shell=bash
# A throw-away PostgreSQL 15 cluster for tests. Source this file, then:
#
#   pg_start            # starts a cluster, exports SIMPUL_TEST_POSTGRES (an admin URL)
#   trap pg_stop EXIT   # pg_stop is idempotent, so it is safe in a trap and when called again
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, trusts every local
# connection and runs with fsync off: it is for tests, never for data that matters.
# Safe under `set -euo pipefail`; quiet unless something fails.

SIMPUL_PG_BIN=${SIMPUL_PG_BIN:-/usr/lib/postgresql/15/bin}
SIMPUL_PG_FIRST_PORT=${SIMPUL_PG_FIRST_PORT:-55432}

# PostgreSQL refuses to run as root, so as root every server command runs as the `postgres`
# user, from inside the cluster folder (it cannot read root's working directory).
_pg_run() {
  if [[ $EUID -eq 0 ]]; then
    (cd "$SIMPUL_PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$SIMPUL_PG_DIR" && "$@")
  fi
}

_pg_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Starts the server on the first free port from SIMPUL_PG_FIRST_PORT; another process may take
# a port between the check and the bind, so a failed start moves on to the next port.
_pg_start_server() {
  local port
  for ((port = SIMPUL_PG_FIRST_PORT; port < SIMPUL_PG_FIRST_PORT + 50; port++)); do
    _pg_port_in_use "$port" && continue
    if _pg_run "$SIMPUL_PG_BIN/pg_ctl" -D "$SIMPUL_PG_DIR/data" -l "$SIMPUL_PG_DIR/server.log" \
      -w -t 30 -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$SIMPUL_PG_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null 2>&1; then
      SIMPUL_PG_PORT=$port
      return 0
    fi
    grep -q "could not bind\|could not create listen socket" "$SIMPUL_PG_DIR/server.log" || break
  done
  echo "pg_start: the PostgreSQL server did not start; its log follows:" >&2
  cat "$SIMPUL_PG_DIR/server.log" >&2 || true
  return 1
}

_pg_init_cluster() {
  SIMPUL_PG_DIR=$(mktemp -d -t simpul-pg.XXXXXX) || return 1
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$SIMPUL_PG_DIR" || return 1
  fi
  local output
  if ! output=$(_pg_run "$SIMPUL_PG_BIN/initdb" -D "$SIMPUL_PG_DIR/data" -U postgres \
    --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 2>&1); then
    echo "pg_start: initdb failed:" >&2
    echo "$output" >&2
    return 1
  fi
}

pg_start() {
  if [[ ! -x $SIMPUL_PG_BIN/initdb ]]; then
    echo "pg_start: PostgreSQL 15 is not installed (no $SIMPUL_PG_BIN/initdb);" \
      "install it with: apt-get install postgresql-15" >&2
    return 1
  fi
  if [[ -n ${SIMPUL_PG_DIR:-} ]]; then
    echo "pg_start: a test cluster is already running in $SIMPUL_PG_DIR" >&2
    return 1
  fi
  _pg_init_cluster || { pg_stop; return 1; }
  _pg_start_server || { pg_stop; return 1; }
  if ! "$SIMPUL_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$SIMPUL_PG_PORT" -t 30; then
    echo "pg_start: PostgreSQL on port $SIMPUL_PG_PORT is not ready" >&2
    pg_stop
    return 1
  fi
  # Only the URL is exported: a child script that sources this file starts its own cluster and
  # its pg_stop cannot stop ours.
  export SIMPUL_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$SIMPUL_PG_PORT/postgres"
}

pg_stop() {
  if [[ -n ${SIMPUL_PG_DIR:-} && -d $SIMPUL_PG_DIR ]]; then
    if [[ -f $SIMPUL_PG_DIR/data/postmaster.pid ]]; then
      _pg_run "$SIMPUL_PG_BIN/pg_ctl" -D "$SIMPUL_PG_DIR/data" -m immediate -w stop \
        >/dev/null 2>&1 || true
    fi
    rm -rf "$SIMPUL_PG_DIR"
  fi
  unset SIMPUL_PG_DIR SIMPUL_PG_PORT SIMPUL_TEST_POSTGRES
  return 0
}
