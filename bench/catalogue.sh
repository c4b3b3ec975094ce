#!/usr/bin/env bash
# The catalogue benchmark of the registry issue, following the team's BENCHMARKS.md: 100,000
# synthetic innovations on SQLite and on PostgreSQL; the search page with facets under the search
# mix; the profile page against nginx serving the same bytes; peak memory; start-up (index) time.
# Usage: bench/catalogue.sh   (BENCH_SIZE=100000 BENCH_SECONDS=20 BENCH_CONNECTIONS=64)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/lib/postgres.sh
bench_install >/dev/null
BENCH_DIR=$(mktemp -d)
chmod 755 "$BENCH_DIR"
trap 'bench_cleanup; pg_stop' EXIT
size=${BENCH_SIZE:-100000}

build/release/simpul seed --queries 2000 --seed 5 >"$BENCH_DIR/search.txt"

# seed ENGINE: loads the corpus; prints the database URL.
seed() {
  local url
  if [ "$1" = sqlite ]; then
    url="sqlite:$BENCH_DIR/sqlite/simpul.db"
  else
    url="${SIMPUL_TEST_POSTGRES%/*}/simpul_bench"
    psql "$SIMPUL_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS simpul_bench" -c "CREATE DATABASE simpul_bench" >/dev/null
  fi
  local started=$SECONDS
  build/release/simpul seed --synthetic "$size" --seed 1 --database "$url" --data-dir "$BENCH_DIR/$1" \
    --log-level warn >&2
  echo "$1: seeded $size innovations in $((SECONDS - started)) s" >&2
  echo "$url"
}

# The profile pages of 1,000 innovations, saved as files for nginx.
profiles() {
  local port=$1
  mkdir -p "$BENCH_DIR/static/inovasi"
  : >"$BENCH_DIR/profiles.txt"
  local id
  for id in $(seq 1 $((size / 1000 > 0 ? size / 1000 : 1)) "$size" | head -n 1000); do
    curl -s -H 'Accept-Encoding: identity' "http://127.0.0.1:$port/inovasi/$id" >"$BENCH_DIR/static/inovasi/$id.html"
    echo "/inovasi/$id" >>"$BENCH_DIR/profiles.txt"
  done
  chmod -R a+rX "$BENCH_DIR/static"
}

stop_servers() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  BENCH_PIDS=()
}

measure() {  # ENGINE URL LABEL
  local engine=$1 url=$2 label=$3
  mkdir -p "$BENCH_DIR/run"
  local started=$SECONDS
  bench_start_simpul 18080 "$BENCH_DIR/run" --database "$url"
  echo "$engine $label: start-up with index $((SECONDS - started)) s"
  [ -f "$BENCH_DIR/profiles.txt" ] || profiles 18080
  echo "$engine $label search:  $(bench_wrk http://127.0.0.1:18080 "$BENCH_DIR/search.txt")"
  local simpul_profile
  simpul_profile=$(bench_wrk http://127.0.0.1:18080 "$BENCH_DIR/profiles.txt")
  echo "$engine $label profile: $simpul_profile"
  echo "$engine $label peak_rss_mb=$(bench_peak_rss_mb "$SIMPUL_PID")"
  stop_servers
  bench_start_nginx 18081 "$BENCH_DIR/static"
  local nginx
  nginx=$(bench_wrk http://127.0.0.1:18081 "$BENCH_DIR/profiles.txt")
  echo "$engine $label nginx profile: $nginx"
  awk -v a="$simpul_profile" -v b="$nginx" 'BEGIN {
    split(a, x, "rps="); split(x[2], y, " "); split(b, u, "rps="); split(u[2], v, " ");
    printf "'"$engine $label"' profile ratio simpul/nginx: %.0f%%\n", 100 * y[1] / v[1] }'
  stop_servers
}

echo "catalogue benchmark: $size innovations; $(bench_machine)"
pg_start
for engine in sqlite postgresql; do
  url=$(seed "$engine")
  measure "$engine" "$url" free
  BENCH_SERVER_CPUS=0 BENCH_CLIENT_CPUS=1 measure "$engine" "$url" pinned
done
