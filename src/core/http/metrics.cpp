#include "core/http/metrics.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace simpul::http {

namespace {

// Upper bounds of the latency buckets in seconds; +Inf is the total count.
constexpr std::array<double, 12> kBucketBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                               0.1,   0.25,   0.5,   1,    2.5,   5};

std::string status_class(int status) {
  if (status < 100 || status > 599) return "other";
  return std::to_string(status / 100) + "xx";
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_help(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Shortest text that reads back as the same double, in the spelling Prometheus expects.
std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

void append_header(std::string& out, std::string_view name, std::string_view help,
                   std::string_view type) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += escape_help(help);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

void Metrics::observe_request(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  Series& series = series_[{std::string(route), status_class(status)}];
  if (series.buckets.empty()) series.buckets.resize(kBucketBounds.size());
  ++series.count;
  series.sum += seconds;
  for (std::size_t i = 0; i < kBucketBounds.size(); ++i) {
    if (seconds <= kBucketBounds[i]) {
      ++series.buckets[i];  // the smallest bucket only; render makes the counts cumulative
      break;
    }
  }
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  std::vector<Gauge> gauges;
  {
    std::lock_guard lock(mutex_);
    append_header(out, "simpul_http_requests_total", "HTTP responses by route and status class.",
                  "counter");
    for (const auto& [key, series] : series_) {
      out += "simpul_http_requests_total{route=\"" + escape_label_value(key.first) +
             "\",status=\"" + key.second + "\"} " + std::to_string(series.count) + "\n";
    }
    append_header(out, "simpul_http_request_duration_seconds",
                  "Time from a received request to its written response.", "histogram");
    for (const auto& [key, series] : series_) {
      const std::string labels =
          "route=\"" + escape_label_value(key.first) + "\",status=\"" + key.second + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBucketBounds.size(); ++i) {
        cumulative += series.buckets[i];
        out += "simpul_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
               format_number(kBucketBounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
      }
      out += "simpul_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
             std::to_string(series.count) + "\n";
      out += "simpul_http_request_duration_seconds_sum{" + labels + "} " +
             format_number(series.sum) + "\n";
      out += "simpul_http_request_duration_seconds_count{" + labels + "} " +
             std::to_string(series.count) + "\n";
    }
    gauges = gauges_;
  }
  // Gauges are read outside the lock: a slow reader must not hold up request accounting.
  for (const auto& gauge : gauges) {
    append_header(out, gauge.name, gauge.help, "gauge");
    out += gauge.name + " " + format_number(gauge.read()) + "\n";
  }
  return out;
}

}  // namespace simpul::http
