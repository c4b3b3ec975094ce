#include "core/http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <regex>
#include <thread>

#include "core/http/metrics.hpp"
#include "core/http/static_files.hpp"
#include "test_client.hpp"
#include "test_support.hpp"

namespace simpul::http {
namespace {

using namespace std::chrono_literals;
using testing::gunzip;
using testing::RawResponse;
using testing::ScratchDir;
using testing::TestClient;

std::string big_text() {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "baris ke-" + std::to_string(i) + " dari laporan\n";
  return text;
}

std::string get(std::string_view path, std::string_view extra_headers = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: localhost\r\n" +
         std::string(extra_headers) + "\r\n";
}

// Starts a real server on an ephemeral port, serving in a thread of its own.
class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions small_options() {
    ServerOptions options;
    options.port = 0;
    options.io_threads = 2;
    options.workers = 2;
    options.max_header_bytes = 2048;
    options.max_body_bytes = 1024;
    options.read_timeout = 5s;
    options.idle_timeout = 10s;
    options.shutdown_grace = 5s;
    return options;
  }

  void start(ServerOptions options = small_options(),
             std::shared_ptr<const StaticFiles> static_files = nullptr) {
    server_ = std::make_unique<Server>(
        options, [this](Request& request) { return dispatch(request); },
        [](int status, const Request*) {
          return Response::text("error " + std::to_string(status), status);
        },
        std::move(static_files), metrics_);
    port_ = server_->listen();
    runner_ = std::thread([this] { server_->run(false); });
  }

  // Stops the server and waits until run() returned.
  void stop() {
    if (!runner_.joinable()) return;
    server_->stop();
    runner_.join();
  }

  void TearDown() override {
    stop();
    server_.reset();
  }

  Response dispatch(Request& request) {
    if (request.path == "/hello") return Response::html("<p>hello</p>");
    if (request.path == "/big") return Response::text(big_text());
    if (request.path == "/echo") return Response::text(request.body);
    if (request.path == "/remote") return Response::text(request.remote_address);
    if (request.path == "/throw") throw std::runtime_error("handler failed on purpose");
    if (request.path == "/slow") {
      slow_started_ = true;
      std::this_thread::sleep_for(300ms);
      return Response::text("slow done");
    }
    return Response::text("not here", 404);
  }

  RawResponse fetch(std::string_view request) {
    TestClient client(port_);
    EXPECT_TRUE(client.send(request));
    auto response = client.read_response();
    if (!response) ADD_FAILURE() << "no response";
    return response.value_or(RawResponse{});
  }

  void wait_until_slow_request_started() {
    for (int i = 0; i < 500 && !slow_started_; ++i) std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(slow_started_);
  }

  std::shared_ptr<Metrics> metrics_ = std::make_shared<Metrics>();
  std::unique_ptr<Server> server_;
  std::thread runner_;
  std::uint16_t port_ = 0;
  std::atomic<bool> slow_started_{false};
};

TEST_F(ServerTest, ListenOnPortZeroReportsTheBoundPort) {
  start();
  EXPECT_NE(port_, 0);
  EXPECT_EQ(server_->port(), port_);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send(get("/hello")));
  const auto first = client.read_response();
  ASSERT_TRUE(first);
  ASSERT_TRUE(client.send(get("/remote")));
  const auto second = client.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, "<p>hello</p>");
  EXPECT_EQ(first->header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(first->header("connection"), "close");
  EXPECT_EQ(second->body, "127.0.0.1");
  EXPECT_NE(first->header("x-request-id"), second->header("x-request-id"));
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send(get("/hello") + get("/echo") + get("/remote")));
  EXPECT_EQ(client.read_response()->body, "<p>hello</p>");
  EXPECT_EQ(client.read_response()->body, "");
  EXPECT_EQ(client.read_response()->body, "127.0.0.1");
}

TEST_F(ServerTest, PostBodyReachesTheHandler) {
  start();
  const auto response =
      fetch("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhalo dunia!");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "halo dunia!");
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponse) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  const auto interim = client.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.send("halo!"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "halo!");
}

TEST_F(ServerTest, ManyConcurrentKeepAliveClients) {
  start();
  constexpr int kClients = 8;
  constexpr int kRequestsEach = 40;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&] {
      TestClient client(port_);
      for (int i = 0; i < kRequestsEach; ++i) {
        if (!client.send(get(i % 2 ? "/hello" : "/big", "Accept-Encoding: gzip\r\n"))) return;
        const auto response = client.read_response();
        if (response && response->status == 200) ++ok;
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(ok, kClients * kRequestsEach);
}

TEST_F(ServerTest, HeadHasContentLengthButNoBody) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
  const auto head = client.read_response(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), "12");
  // Had the body been sent, it would be read here in place of the next response.
  ASSERT_TRUE(client.send(get("/hello")));
  const auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
  EXPECT_EQ(next->body, "<p>hello</p>");
}

TEST_F(ServerTest, GzipsLargeTextWhenAccepted) {
  start();
  const auto gzipped = fetch(get("/big", "Accept-Encoding: gzip, br\r\n"));
  EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
  EXPECT_EQ(gzipped.header("vary"), "Accept-Encoding");
  EXPECT_LT(gzipped.body.size(), big_text().size());
  EXPECT_EQ(gunzip(gzipped.body), big_text());

  const auto identity = fetch(get("/big"));
  EXPECT_EQ(identity.header("content-encoding"), "");
  EXPECT_EQ(identity.header("vary"), "Accept-Encoding");
  EXPECT_EQ(identity.body, big_text());

  const auto small = fetch(get("/hello", "Accept-Encoding: gzip\r\n"));
  EXPECT_EQ(small.header("content-encoding"), "");
  EXPECT_EQ(small.body, "<p>hello</p>");
}

TEST_F(ServerTest, BodyOverTheLimitIs413BeforeTheBodyIsRead) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->body, "error 413");
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  start();
  TestClient client(port_);
  const std::string chunk(2000, 'z');
  ASSERT_TRUE(
      client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
                  chunk + "\r\n0\r\n\r\n"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerTest, HugeHeadersAre431) {
  start();
  const auto response = fetch(get("/hello", "X-Padding: " + std::string(4000, 'p') + "\r\n"));
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.header("connection"), "close");
}

TEST_F(ServerTest, GarbageIs400AndStillCarriesTheHeaders) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send("\x01\x02 nonsense\r\n\r\n"));
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->body, "error 400");
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_EQ(response->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response->header("x-request-id").size(), 16u);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, MalformedPercentEscapeInThePathIs400) {
  start();
  EXPECT_EQ(fetch(get("/he%zzllo")).status, 400);
}

TEST_F(ServerTest, EveryResponseCarriesTheSecurityHeaders) {
  start();
  const auto response = fetch(get("/hello"));
  EXPECT_EQ(response.header("content-security-policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            "base-uri 'self'; object-src 'none'");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("referrer-policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_EQ(response.header("server"), "simpul");
  EXPECT_TRUE(std::regex_match(response.header("x-request-id"), std::regex("[0-9a-f]{16}")));
  EXPECT_TRUE(std::regex_match(response.header("date"),
                               std::regex("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
                                          "\\d\\d:\\d\\d:\\d\\d GMT")))
      << response.header("date");
}

TEST_F(ServerTest, ExceptionInDispatchIs500AndTheServerKeepsServing) {
  start();
  const auto failed = fetch(get("/throw"));
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(failed.body, "error 500");
  EXPECT_EQ(fetch(get("/hello")).status, 200);
}

TEST_F(ServerTest, FullQueueAnswers503AtOnce) {
  ServerOptions options = small_options();
  options.max_queued_requests = 0;
  start(options);
  const auto response = fetch(get("/hello"));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.header("connection"), "close");
}

TEST_F(ServerTest, PartialRequestTimesOutWith408) {
  ServerOptions options = small_options();
  options.read_timeout = 1s;
  start(options);
  TestClient client(port_);
  ASSERT_TRUE(client.send("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // the header never ends
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 408);
  EXPECT_EQ(response->header("connection"), "close");
}

TEST_F(ServerTest, ServesStaticFilesOnTheIoThreadAndRecordsMetrics) {
  ScratchDir dir;
  dir.write("app.css", "body { color: black; }\n");
  std::mt19937 random(7);
  std::string noise(4000, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  dir.write("noise.txt", noise);  // text that gzip cannot shrink
  auto files = std::make_shared<StaticFiles>();
  files->mount("/static/", dir.path());
  start(small_options(), files);

  const auto css = fetch(get("/static/app.css"));
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.body, "body { color: black; }\n");
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  const auto cached =
      fetch(get("/static/app.css", "If-None-Match: " + css.header("etag") + "\r\n"));
  EXPECT_EQ(cached.status, 304);
  EXPECT_EQ(cached.header("content-length"), "");
  const auto noisy = fetch(get("/static/noise.txt", "Accept-Encoding: gzip\r\n"));
  EXPECT_EQ(noisy.header("content-encoding"), "");  // the server does not second-guess it
  EXPECT_EQ(noisy.body, noise);
  EXPECT_EQ(fetch(get("/nowhere")).status, 404);

  stop();  // a response is recorded after it is written, so the client can be first
  const std::string text = metrics_->render();
  EXPECT_NE(text.find("simpul_http_requests_total{route=\"static\",status=\"2xx\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("simpul_http_requests_total{route=\"static\",status=\"3xx\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("simpul_http_requests_total{route=\"unmatched\",status=\"4xx\"} 1\n"),
            std::string::npos);
}

TEST_F(ServerTest, GracefulStopWaitsForAnInFlightRequest) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send(get("/slow")));
  wait_until_slow_request_started();
  server_->stop();
  const auto response = client.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "slow done");
  EXPECT_EQ(response->header("connection"), "close");
  runner_.join();
  server_.reset();
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnectionsAtOnce) {
  start();
  TestClient client(port_);
  ASSERT_TRUE(client.send(get("/hello")));
  ASSERT_TRUE(client.read_response());
  const auto before = std::chrono::steady_clock::now();
  stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 4s);  // far below idle_timeout
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_THROW(TestClient{port_}, std::runtime_error);  // no longer accepting
  server_.reset();
}

TEST_F(ServerTest, StopAfterTheGraceDropsWhatIsStillRunning) {
  ServerOptions options = small_options();
  options.shutdown_grace = 0s;
  start(options);
  TestClient client(port_);
  ASSERT_TRUE(client.send(get("/slow")));
  wait_until_slow_request_started();
  stop();  // returns once the running handler finished; its response is never written
  server_.reset();
  EXPECT_FALSE(client.read_response());
}

}  // namespace
}  // namespace simpul::http
