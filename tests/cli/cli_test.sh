#!/usr/bin/env bash
# The simpul command as an operator uses it: migrate, user add, a TOML file, environment
# variables, and a graceful stop on SIGTERM. Usage: cli_test.sh SIMPUL_BINARY SOURCE_DIR
set -uo pipefail
simpul=$1
home=$2
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name"
  fi
}
contains() { grep -q -- "$2" "$1"; }

"$simpul" migrate --home "$home" --data-dir "$work/data" >"$work/migrate.out" 2>&1
check "migrate succeeds" test $? -eq 0
check "migrate says the database is up to date" contains "$work/migrate.out" "up to date"
check "migrate creates the SQLite file under the data dir" test -f "$work/data/simpul.db"

"$simpul" user add --role organiser --username kemenpan --name "Admin Kementerian" \
  --home "$home" --data-dir "$work/data" >"$work/add.out" 2>&1
check "user add succeeds" test $? -eq 0
check "user add prints a temporary password" contains "$work/add.out" "temporary password"

"$simpul" user add --role organiser --username kemenpan --home "$home" --data-dir "$work/data" \
  >"$work/again.out" 2>&1
check "a taken username fails" test $? -ne 0
check "a taken username says so" contains "$work/again.out" "is taken"

"$simpul" user add --role wizard --username x --home "$home" --data-dir "$work/data" \
  >"$work/role.out" 2>&1
check "an unknown role fails" test $? -ne 0

printf '[server]\nport = 0\naddress = "127.0.0.1"\n' >"$work/simpul.toml"
SIMPUL_DATA_DIR="$work/data" SIMPUL_HOME="$home" "$simpul" serve --config "$work/simpul.toml" \
  >"$work/serve.out" 2>&1 &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$work/serve.out" | grep -o '[0-9]*$')
  [ -n "$port" ] && break
  sleep 0.1
done
check "serve reads the TOML file and the environment and listens" test -n "$port"
if [ -n "$port" ]; then
  health=$(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&3 && cat <&3)
  check "healthz answers ok" grep -q '"status":"ok"' <<<"$health"
fi
kill -TERM "$server_pid"
wait "$server_pid"
status=$?
server_pid=
check "SIGTERM stops the server with status 0" test "$status" -eq 0
check "the server says it stopped cleanly" contains "$work/serve.out" "stopped cleanly"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
