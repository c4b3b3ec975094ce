#!/usr/bin/env bash
# The replication benchmark (issue: replication), following the team's BENCHMARKS.md: 100,000
# synthetic innovations and 20,000 replication records on SQLite and on PostgreSQL; under wrk,
# the network page (its filters rotating), the profiles of replicated innovations and the
# records' pages, each against p99 <= 50 ms; peak memory; free and pinned.
# Usage: bench/replication.sh   (BENCH_SIZE=100000 BENCH_RECORDS=20000 BENCH_SECONDS=20
#                               BENCH_ENGINES="sqlite postgresql")
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/lib/postgres.sh
bench_install >/dev/null
BENCH_DIR=$(mktemp -d)
chmod 755 "$BENCH_DIR"
trap 'bench_cleanup; pg_stop' EXIT
size=${BENCH_SIZE:-100000}
records=${BENCH_RECORDS:-20000}

seed() {  # ENGINE: loads the corpus and the records; prints the database URL.
  local url
  if [ "$1" = sqlite ]; then
    url="sqlite:$BENCH_DIR/sqlite/simpul.db"
  else
    url="${SIMPUL_TEST_POSTGRES%/*}/simpul_bench"
    psql "$SIMPUL_TEST_POSTGRES" -qc "DROP DATABASE IF EXISTS simpul_bench" -c "CREATE DATABASE simpul_bench" >/dev/null
  fi
  build/release/simpul seed --synthetic "$size" --synthetic-replications "$records" --seed 1 \
    --database "$url" --data-dir "$BENCH_DIR/$1" --log-level warn >&2
  echo "$url"
}

# The request mixes: the network page with its filters, 1,000 profiles of replicated
# innovations, 1,000 records.
mixes() {  # ENGINE URL
  local query
  if [ "$1" = sqlite ]; then
    query() { sqlite3 "${2#sqlite:}" "$1"; }
  else
    query() { psql "$2" -Atqc "$1"; }
  fi
  {
    echo /replikasi
    for province in 11 13 31 33 35 51 64 65 73 91; do echo "/replikasi?provinsi=$province"; done
    for year in 2018 2020 2022 2024; do echo "/replikasi?tahun=$year&urusan=kesehatan"; done
  } >"$BENCH_DIR/network.txt"
  query "SELECT '/inovasi/' || source_innovation_id FROM replications GROUP BY source_innovation_id ORDER BY source_innovation_id LIMIT 1000" "$2" >"$BENCH_DIR/profiles.txt"
  query "SELECT '/replikasi/' || id FROM replications ORDER BY id LIMIT 1000" "$2" >"$BENCH_DIR/records.txt"
}

measure() {  # ENGINE URL LABEL
  mkdir -p "$BENCH_DIR/run"
  local started=$SECONDS
  bench_start_simpul 18080 "$BENCH_DIR/run" --database "$2"
  curl -s -o /dev/null http://127.0.0.1:18080/replikasi  # reads the network into memory
  echo "$1 $3: start-up and the network's first read $((SECONDS - started)) s"
  local mix
  for mix in network profiles records; do
    echo "$1 $3 $mix: $(bench_wrk http://127.0.0.1:18080 "$BENCH_DIR/$mix.txt")"
  done
  echo "$1 $3 peak_rss_mb=$(bench_peak_rss_mb "$SIMPUL_PID")"
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  BENCH_PIDS=()
}

echo "replication benchmark: $size innovations, $records records; $(bench_machine)"
pg_start
for engine in ${BENCH_ENGINES:-sqlite postgresql}; do
  url=$(seed "$engine")
  mixes "$engine" "$url"
  measure "$engine" "$url" free
  BENCH_SERVER_CPUS=0 BENCH_CLIENT_CPUS=1 measure "$engine" "$url" pinned
done
