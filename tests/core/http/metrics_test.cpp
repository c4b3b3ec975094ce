#include "core/http/metrics.hpp"

#include <gtest/gtest.h>

namespace simpul::http {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Metrics, RendersCountersAndCumulativeHistograms) {
  Metrics metrics;
  metrics.observe_request("GET /akun/{id}", 200, 0.002);
  metrics.observe_request("GET /akun/{id}", 204, 0.3);
  metrics.observe_request("GET /akun/{id}", 404, 7.0);
  const std::string text = metrics.render();

  EXPECT_TRUE(contains(text, "# TYPE simpul_http_requests_total counter\n"));
  EXPECT_TRUE(contains(text, "# HELP simpul_http_request_duration_seconds "));
  EXPECT_TRUE(contains(text, "# TYPE simpul_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(
      contains(text, "simpul_http_requests_total{route=\"GET /akun/{id}\",status=\"2xx\"} 2\n"));
  EXPECT_TRUE(
      contains(text, "simpul_http_requests_total{route=\"GET /akun/{id}\",status=\"4xx\"} 1\n"));

  const std::string series =
      "simpul_http_request_duration_seconds_bucket{route=\"GET /akun/{id}\",status=\"2xx\",";
  EXPECT_TRUE(contains(text, series + "le=\"0.001\"} 0\n"));
  EXPECT_TRUE(contains(text, series + "le=\"0.0025\"} 1\n"));
  EXPECT_TRUE(contains(text, series + "le=\"0.25\"} 1\n"));
  EXPECT_TRUE(contains(text, series + "le=\"0.5\"} 2\n"));
  EXPECT_TRUE(contains(text, series + "le=\"5\"} 2\n"));
  EXPECT_TRUE(contains(text, series + "le=\"+Inf\"} 2\n"));
  EXPECT_TRUE(contains(
      text,
      "simpul_http_request_duration_seconds_count{route=\"GET /akun/{id}\",status=\"2xx\"} 2\n"));
  EXPECT_TRUE(contains(
      text,
      "simpul_http_request_duration_seconds_sum{route=\"GET /akun/{id}\",status=\"2xx\"} 0.302\n"));

  const std::string slow =
      "simpul_http_request_duration_seconds_bucket{route=\"GET /akun/{id}\",status=\"4xx\",";
  EXPECT_TRUE(contains(text, slow + "le=\"5\"} 0\n"));
  EXPECT_TRUE(contains(text, slow + "le=\"+Inf\"} 1\n"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.observe_request("a\"b\\c\nd", 500, 0.1);
  EXPECT_TRUE(contains(metrics.render(), "{route=\"a\\\"b\\\\c\\nd\",status=\"5xx\"} 1\n"));
}

TEST(Metrics, RendersGaugesAfterTheRequestMetrics) {
  Metrics metrics;
  metrics.observe_request("static", 200, 0.0001);
  double in_use = 3;
  metrics.add_gauge("simpul_db_pool_in_use", "Database connections in use.",
                    [&] { return in_use; });
  in_use = 4;
  const std::string text = metrics.render();
  const auto gauge = text.find(
      "# HELP simpul_db_pool_in_use Database connections in use.\n"
      "# TYPE simpul_db_pool_in_use gauge\n"
      "simpul_db_pool_in_use 4\n");
  ASSERT_NE(gauge, std::string::npos);
  EXPECT_GT(gauge, text.find("simpul_http_request_duration_seconds_count"));
}

TEST(Metrics, EmptyRenderStillDescribesTheMetrics) {
  const std::string text = Metrics{}.render();
  EXPECT_TRUE(contains(text, "# TYPE simpul_http_requests_total counter\n"));
  EXPECT_FALSE(contains(text, "{"));
}

}  // namespace
}  // namespace simpul::http
