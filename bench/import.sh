#!/usr/bin/env bash
# The import benchmark of the registry issue: 100,000 synthetic rows from one CSV file into one
# agency, as `simpul import` does it (the page runs the same code on uploads of up to 10 MB):
# the dry run, then the import as drafts, on SQLite and on PostgreSQL; wall time and peak memory.
# Usage: bench/import.sh   (BENCH_SIZE=100000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/lib/postgres.sh
bench_install >/dev/null
simpul_apt_install time
BENCH_DIR=$(mktemp -d)
trap 'bench_cleanup; pg_stop' EXIT
size=${BENCH_SIZE:-100000}
agency=1  # any agency: the rows all go to it

build/release/simpul seed --synthetic-csv "$size" --seed 7 >"$BENCH_DIR/rows.csv"
echo "file: $size rows, $(($(stat -c %s "$BENCH_DIR/rows.csv") >> 20)) MB"

# run ENGINE URL [--dry-run]: one timed import; prints its last lines and the peak memory.
run() {
  local engine=$1 url=$2
  shift 2
  /usr/bin/time -f "$engine $*: %e s wall, peak %M kB" build/release/simpul import \
    "$BENCH_DIR/rows.csv" --agency-id "$agency" --database "$url" --data-dir "$BENCH_DIR/$engine" \
    --log-level warn "$@" | tail -n 1
}

for engine in sqlite postgresql; do
  mkdir -p "$BENCH_DIR/$engine"
  if [ "$engine" = sqlite ]; then
    url="sqlite:$BENCH_DIR/sqlite/simpul.db"
  else
    pg_start >/dev/null
    url="${SIMPUL_TEST_POSTGRES%/*}/simpul_bench"
    psql "$SIMPUL_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS simpul_bench" \
      -c "CREATE DATABASE simpul_bench" >/dev/null
  fi
  build/release/simpul migrate --database "$url" --data-dir "$BENCH_DIR/$engine" --log-level warn \
    >/dev/null
  run "$engine" "$url" --dry-run
  run "$engine" "$url"
  echo "$engine: $(build/release/simpul import "$BENCH_DIR/rows.csv" --agency-id "$agency" \
    --database "$url" --data-dir "$BENCH_DIR/$engine" --log-level warn --dry-run | tail -n 2 |
    head -n 1) (a second run finds every name taken)"
done
