#!/usr/bin/env bash
# Same-time comparison of two builds on the catalogue's pages (the team's BENCHMARKS.md): one
# SQLite copy of the synthetic corpus, the search mix and 1,000 profile pages, the builds
# alternating, with the server's CPU time per search request, which other load disturbs less than
# the request rate.
# Usage: bench/compare_builds.sh OLD_SIMPUL OLD_HOME   (BENCH_SIZE=100000 BENCH_ROUNDS=2
#        BENCH_SECONDS=15). OLD_HOME holds the old build's templates/, i18n/, static/,
#        migrations/ and node_modules/ (a git worktree of the old commit, for example).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
old_binary=$1 old_home=$2
bench_install >/dev/null
BENCH_DIR=$(mktemp -d)
chmod 755 "$BENCH_DIR"
trap bench_cleanup EXIT
size=${BENCH_SIZE:-100000}
export BENCH_SECONDS=${BENCH_SECONDS:-15}

build/release/simpul seed --queries 2000 --seed 5 >"$BENCH_DIR/search.txt"
mkdir -p "$BENCH_DIR/seed"
build/release/simpul seed --synthetic "$size" --seed 1 --database "sqlite:$BENCH_DIR/seed/simpul.db" \
  --data-dir "$BENCH_DIR/seed" --log-level warn >/dev/null
seq 1 $((size / 1000 > 0 ? size / 1000 : 1)) "$size" | head -n 1000 | sed 's|^|/inovasi/|' \
  >"$BENCH_DIR/profiles.txt"

# cpu_ticks PID: user + system time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure LABEL BINARY HOME: one round on a fresh copy of the corpus.
measure() {
  local run="$BENCH_DIR/run"
  rm -rf "$run" && mkdir -p "$run" && cp "$BENCH_DIR/seed/simpul.db" "$run/"
  local started=$SECONDS
  SIMPUL_HOME=$3 "$2" serve --port 18090 --data-dir "$run" --database "sqlite:$run/simpul.db" \
    --log-level warn >"$run/server.log" 2>&1 &
  local pid=$!
  BENCH_PIDS+=("$pid")
  local _
  for _ in $(seq 1 600); do
    curl -sf http://127.0.0.1:18090/healthz >/dev/null 2>&1 && break
    sleep 0.1
  done
  local up=$((SECONDS - started)) before search after profile requests
  before=$(cpu_ticks "$pid")
  search=$(bench_wrk http://127.0.0.1:18090 "$BENCH_DIR/search.txt")
  after=$(cpu_ticks "$pid")
  profile=$(bench_wrk http://127.0.0.1:18090 "$BENCH_DIR/profiles.txt")
  requests=$(echo "$search" | sed 's/.*requests=\([0-9]*\).*/\1/')
  echo "$1 start-up ${up} s; search: $search; CPU per search request (warm-up included):" \
    "$(((after - before) * 1000000 / $(getconf CLK_TCK) / requests)) us;" \
    "profile: $profile; peak_rss_mb=$(bench_peak_rss_mb "$pid")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "build comparison: $size innovations; $(bench_machine)"
for _ in $(seq 1 "${BENCH_ROUNDS:-2}"); do
  measure before "$old_binary" "$old_home"
  measure after build/release/simpul "$PWD"
done
