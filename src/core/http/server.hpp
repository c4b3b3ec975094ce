#pragma once
// The HTTP server: Boost.Beast with C++20 coroutines on a few I/O threads, and a bounded worker
// pool that runs every handler (handlers may block on the database or on password hashing).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/http/message.hpp"

namespace simpul::http {

class StaticFiles;
class Metrics;

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: an ephemeral port, see Server::port()
  int io_threads = 2;
  int workers = 4;
  std::size_t max_queued_requests = 1024;  // beyond this, 503 at once instead of queueing
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 10 * 1024 * 1024;
  std::size_t max_connections = 10000;
  std::chrono::seconds read_timeout{30};  // to receive one whole request once it started
  std::chrono::seconds idle_timeout{60};  // keep-alive wait for the next request
  std::chrono::seconds shutdown_grace{10};
  bool compress = true;  // gzip text responses when the client accepts it
};

// Runs on a worker thread with the parsed request; returns the response.
using Dispatch = std::function<Response(Request&)>;
// Builds the page for an error detected before dispatch (400, 404 of static, 405, 408, 413, 431,
// 500, 503). request is null when nothing could be parsed.
using ErrorResponder = std::function<Response(int status, const Request* request)>;

class Server {
 public:
  Server(ServerOptions options, Dispatch dispatch, ErrorResponder errors,
         std::shared_ptr<const StaticFiles> static_files, std::shared_ptr<Metrics> metrics);
  ~Server();
  // Binds and listens; returns the bound port. Throws std::runtime_error when it cannot bind.
  std::uint16_t listen();
  // Serves until stop() or SIGINT/SIGTERM (when handle_signals); then stops accepting, lets
  // in-flight requests finish (up to shutdown_grace), closes idle connections and returns.
  void run(bool handle_signals);
  // Thread-safe; returns at once.
  void stop();
  std::uint16_t port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace simpul::http
