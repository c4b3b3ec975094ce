# Shared pieces of the benchmarks (see the team's BENCHMARKS.md): build, start the server and
# nginx, run wrk, read peak memory, and stop everything started. Source from the repository root.

bench_install() {
  source scripts/lib/deps.sh
  simpul_apt_install "${SIMPUL_BUILD_PACKAGES[@]}" wrk nginx-light sqlite3
  simpul_npm_install
  simpul_build build/release -DSIMPUL_TESTS=OFF
}

BENCH_PIDS=()
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${BENCH_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  BENCH_PIDS=()
  [ -n "${BENCH_DIR:-}" ] && rm -rf "$BENCH_DIR"
}

# bench_start_simpul PORT DATA_DIR [EXTRA serve ARGS...]: starts the release server, waits for
# /healthz; the pid is in SIMPUL_PID. CPU pinning comes from BENCH_SERVER_CPUS (e.g. "0").
bench_start_simpul() {
  local port=$1 data=$2
  shift 2
  local pin=()
  [ -n "${BENCH_SERVER_CPUS:-}" ] && pin=(taskset -c "$BENCH_SERVER_CPUS")
  "${pin[@]}" build/release/simpul serve --port "$port" --data-dir "$data" --log-level warn "$@" \
    >"$data/server.log" 2>&1 &
  SIMPUL_PID=$!
  BENCH_PIDS+=("$SIMPUL_PID")
  local _
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the server did not start; its log:" >&2
  cat "$data/server.log" >&2
  return 1
}

# bench_start_nginx PORT ROOT: nginx with one worker serving ROOT as static files, the limit a
# page is compared with. The pid is in NGINX_PID.
bench_start_nginx() {
  local port=$1 root=$2 conf="$BENCH_DIR/nginx.conf"
  cat >"$conf" <<CONF
worker_processes 1;
daemon off;
pid $BENCH_DIR/nginx.pid;
error_log $BENCH_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip on;
  server {
    listen 127.0.0.1:$port;
    root $root;
    location / { try_files \$uri.html \$uri/index.html =404; }
  }
}
CONF
  local pin=()
  [ -n "${BENCH_SERVER_CPUS:-}" ] && pin=(taskset -c "$BENCH_SERVER_CPUS")
  "${pin[@]}" nginx -c "$conf" -p "$BENCH_DIR" &
  NGINX_PID=$!
  BENCH_PIDS+=("$NGINX_PID")
  local _
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && return 0
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null | grep -q 404 && return 0
    sleep 0.1
  done
  echo "nginx did not start" >&2
  cat "$BENCH_DIR/nginx-error.log" >&2
  return 1
}

# bench_wrk URL PATHS_FILE: a 5 s warm-up, then BENCH_SECONDS (20) at BENCH_CONNECTIONS (64); prints
# the RESULT line. The client runs on BENCH_CLIENT_CPUS when pinning.
bench_wrk() {
  local url=$1 paths=$2
  local pin=()
  [ -n "${BENCH_CLIENT_CPUS:-}" ] && pin=(taskset -c "$BENCH_CLIENT_CPUS")
  local connections=${BENCH_CONNECTIONS:-64}
  WRK_PATHS=$paths "${pin[@]}" wrk -t1 -c"$connections" -d5s -s bench/wrk/paths.lua "$url" >/dev/null
  WRK_PATHS=$paths "${pin[@]}" wrk -t1 -c"$connections" -d"${BENCH_SECONDS:-20}s" --latency \
    -s bench/wrk/paths.lua "$url" | grep '^RESULT'
}

# Peak resident memory of a process in MB (VmHWM).
bench_peak_rss_mb() {
  awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

bench_machine() {
  echo "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d), nproc $(nproc)," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
}
