#pragma once
// Prometheus text-format metrics: request counts and latency histograms per route and status
// class, plus gauges read on scrape (database pool use).
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace simpul::http {

class Metrics {
 public:
  void observe_request(std::string_view route, int status, double seconds);
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  std::string render() const;  // text/plain; version=0.0.4

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::vector<std::uint64_t> buckets;  // cumulative on render
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Series> series_;  // (route, status class)
  std::vector<Gauge> gauges_;
};

}  // namespace simpul::http
