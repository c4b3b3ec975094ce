#!/usr/bin/env bash
# Public pages against nginx serving the same bytes as static files, side by side in one run, free
# and pinned (server on CPU 0, wrk on CPU 1). Prints a report for docs/benchmarks.md.
# Usage: bench/pages.sh            (BENCH_SECONDS=20 BENCH_CONNECTIONS=64 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_install >/dev/null
BENCH_DIR=$(mktemp -d)
trap bench_cleanup EXIT
mkdir -p "$BENCH_DIR/data" "$BENCH_DIR/static"
chmod 755 "$BENCH_DIR" "$BENCH_DIR/static"  # nginx workers run unprivileged

pages=(/ /tentang /masuk /katalog)
printf '%s\n' "${pages[@]}" >"$BENCH_DIR/paths.txt"

run_pair() {  # label
  bench_start_simpul 18080 "$BENCH_DIR/data"
  for page in "${pages[@]}"; do
    local file="$BENCH_DIR/static${page%/}"
    [ "$page" = / ] && file="$BENCH_DIR/static/index"
    curl -s "http://127.0.0.1:18080$page" >"$file.html"
  done
  local simpul nginx
  simpul=$(bench_wrk http://127.0.0.1:18080 "$BENCH_DIR/paths.txt")
  local rss
  rss=$(bench_peak_rss_mb "$SIMPUL_PID")
  bench_start_nginx 18081 "$BENCH_DIR/static"
  nginx=$(bench_wrk http://127.0.0.1:18081 "$BENCH_DIR/paths.txt")
  local ratio
  ratio=$(awk -v a="$simpul" -v b="$nginx" 'BEGIN {
    split(a, x, "rps="); split(x[2], y, " "); split(b, u, "rps="); split(u[2], v, " ");
    printf "%.0f%%", 100 * y[1] / v[1] }')
  echo "$1 simpul: $simpul peak_rss_mb=$rss"
  echo "$1 nginx:  $nginx"
  echo "$1 ratio simpul/nginx: $ratio"
  bench_cleanup_servers
}

bench_cleanup_servers() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  BENCH_PIDS=()
  rm -rf "$BENCH_DIR/data"/*
}

echo "pages ${pages[*]}; $(bench_machine)"
run_pair free
BENCH_SERVER_CPUS=0 BENCH_CLIENT_CPUS=1 run_pair pinned
