-- Prints one machine-readable line after a wrk run: requests/s, latency percentiles, errors.
-- Used with: wrk -s bench/wrk/report.lua (alone, or loaded by a request-mix script).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    errors, summary.errors.status, summary.requests))
end
