#!/usr/bin/env bash
# The competition benchmark of the proposals issue, following the team's BENCHMARKS.md: 100,000
# synthetic innovations and a synthetic national edition with 3,500 proposals, on SQLite and on
# PostgreSQL; the organiser's pages signed in as the demo organiser: the proposal list (first
# page), a filtered list and the dashboard; free and pinned; peak memory; seeding times.
# Usage: bench/competition.sh   (BENCH_SIZE=100000 BENCH_PROPOSALS=3500 BENCH_SECONDS=20
#                               BENCH_CONNECTIONS=64 BENCH_ENGINES="sqlite postgresql")
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/lib/postgres.sh
bench_install >/dev/null
BENCH_DIR=$(mktemp -d)
trap 'bench_cleanup; pg_stop' EXIT
size=${BENCH_SIZE:-100000}
proposals=${BENCH_PROPOSALS:-3500}
organiser=demo.penyelenggara

# wrk sends the session cookie with every request: paths.lua sets its own headers, which replace
# any given with -H, so this variant adds the cookie (WRK_COOKIE) to them.
cat >"$BENCH_DIR/session.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local headers = { ["Accept-Encoding"] = "gzip", ["Cookie"] = os.getenv("WRK_COOKIE") }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
dofile(os.getenv("WRK_REPORT") or "bench/wrk/report.lua")
LUA

# seed ENGINE: the registry, the edition and the demo accounts; sets URL, EDITION and PASSWORD.
seed() {
  local engine=$1 out="$BENCH_DIR/seed-$1.txt"
  if [ "$engine" = sqlite ]; then
    URL="sqlite:$BENCH_DIR/sqlite/simpul.db"
  else
    URL="${SIMPUL_TEST_POSTGRES%/*}/simpul_bench"
    psql "$SIMPUL_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS simpul_bench" -c "CREATE DATABASE simpul_bench" >/dev/null
  fi
  mkdir -p "$BENCH_DIR/$engine"
  build/release/simpul seed --demo --synthetic "$size" --synthetic-competition "$proposals" --seed 1 \
    --database "$URL" --data-dir "$BENCH_DIR/$engine" --log-level warn >"$out"
  echo "$engine: $(grep 'synthetic innovations published' "$out")"
  echo "$engine: $(grep 'proposals in edition' "$out")"
  EDITION=$(sed -n 's/.* proposals in edition \([0-9]*\) seeded.*/\1/p' "$out")
  PASSWORD=$(awk -v user="$organiser" '$1 == user { print $2 }' "$out")
  if [ -z "$EDITION" ] || [ -z "$PASSWORD" ]; then cat "$out" >&2; return 1; fi
}

# sign_in PORT: signs in as the organiser through the sign-in form; sets COOKIE.
sign_in() {
  local base="http://127.0.0.1:$1" jar="$BENCH_DIR/cookies.txt" csrf status
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" "$base/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "csrf=$csrf" \
    --data-urlencode "username=$organiser" --data-urlencode "password=$PASSWORD" "$base/masuk")
  [ "$status" = 303 ] || { echo "sign-in answered $status" >&2; return 1; }
  COOKIE=$(awk '$6 ~ /^simpul_(csrf|session)$/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
}

stop_servers() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  BENCH_PIDS=()
}

# page_wrk PORT PATH: bench_wrk with the session cookie, after checking the page answers 200.
page_wrk() {
  local port=$1 path=$2 status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; return 1; }
  echo "$path" >"$BENCH_DIR/paths.txt"
  local pin=()
  [ -n "${BENCH_CLIENT_CPUS:-}" ] && pin=(taskset -c "$BENCH_CLIENT_CPUS")
  local connections=${BENCH_CONNECTIONS:-64} url="http://127.0.0.1:$port"
  export WRK_PATHS="$BENCH_DIR/paths.txt" WRK_COOKIE="$COOKIE"
  "${pin[@]}" wrk -t1 -c"$connections" -d5s -s "$BENCH_DIR/session.lua" "$url" >/dev/null
  "${pin[@]}" wrk -t1 -c"$connections" -d"${BENCH_SECONDS:-20}s" --latency \
    -s "$BENCH_DIR/session.lua" "$url" | grep '^RESULT'
}

measure() {  # ENGINE LABEL
  local engine=$1 label=$2 list="/kompetisi/$EDITION/usulan"
  mkdir -p "$BENCH_DIR/run"
  bench_start_simpul 18080 "$BENCH_DIR/run" --database "$URL"
  sign_in 18080
  local result  # assigned apart from echo, so that a failed page stops the run
  result=$(page_wrk 18080 "$list")
  echo "$engine $label list:      $result"
  result=$(page_wrk 18080 "$list?status=submitted&kelompok=umum&klaster=kabupaten")
  echo "$engine $label filtered:  $result"
  result=$(page_wrk 18080 "/kompetisi/$EDITION/dasbor")
  echo "$engine $label dashboard: $result"
  echo "$engine $label peak_rss_mb=$(bench_peak_rss_mb "$SIMPUL_PID")"
  stop_servers
}

echo "competition benchmark: $size innovations, $proposals proposals; $(bench_machine)"
pg_start
for engine in ${BENCH_ENGINES:-sqlite postgresql}; do
  seed "$engine"
  measure "$engine" free
  BENCH_SERVER_CPUS=0 BENCH_CLIENT_CPUS=1 measure "$engine" pinned
done
