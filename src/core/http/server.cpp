// The only translation unit that includes Boost.Asio/Beast (they are slow to compile).
//
// Coroutine rules for Boost 1.74 with g++ 12 (section 1.3 of the stack reference):
// - <utility> comes before any Asio header: awaitable.hpp uses std::exchange without including it.
// - No capturing lambda, and no awaitable built from one, inside a co_await expression: g++ 12
//   double-frees such temporaries. Awaitables are bound to named locals and co_awaited by move.
// - Coroutines take their state as by-value parameters, never as references or lambda captures.
#include <utility>

#include "core/http/server.hpp"

#include <array>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/http/gzip.hpp"
#include "core/http/metrics.hpp"
#include "core/http/static_files.hpp"
#include "core/util/errors.hpp"

namespace simpul::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace wire = boost::beast::http;  // "http" already names this namespace
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using WireRequest = wire::request<wire::string_body>;
using WireResponse = wire::response<wire::string_body>;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'";
constexpr std::size_t kMinCompressedBodyBytes = 1024;
// Level 1 compresses a catalogue page about 3 times faster than level 6 for a few percent more
// bytes; dynamic pages are compressed on every request, so the CPU matters more
// (docs/benchmarks.md).
constexpr int kDynamicGzipLevel = 1;
constexpr std::size_t kFirstReadBytes = 4096;
// After an error response the rest of the request is read and dropped for a while before closing:
// closing with unread input makes the kernel send a reset that can destroy the response in flight.
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::size_t kLingerMaxBytes = 1024 * 1024;
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);

auto use_awaitable_ec(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

beast::string_view to_beast(std::string_view text) { return {text.data(), text.size()}; }
std::string_view to_std(beast::string_view text) { return {text.data(), text.size()}; }

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string make_request_id() {
  static constexpr char kHex[] = "0123456789abcdef";
  thread_local std::mt19937_64 rng = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  std::uint64_t value = rng();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) id[i] = kHex[value & 0x0F];
  return id;
}

// RFC 7231 IMF-fixdate, spelled out by hand because strftime's names follow the locale.
std::string http_date() {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return buffer;
}

// One accepted socket. The connection coroutine and everything posted for it run on the socket's
// strand, so the fields below need no lock.
struct Connection {
  explicit Connection(tcp::socket socket)
      : stream(std::move(socket)), deadline(stream.get_executor()) {}

  beast::tcp_stream stream;
  beast::flat_buffer buffer;  // may hold the start of the next (pipelined) request
  // beast::tcp_stream closes the socket when its own timer fires, which leaves no way to answer
  // 408; this timer only cancels the read, so the socket stays usable for the answer.
  asio::steady_timer deadline;
  std::uint64_t deadline_generation = 0;
  bool timed_out = false;
  bool idle = false;  // waiting for the first byte of a request: safe to close at shutdown
  std::string remote_address;
};

// What the response to one request depends on besides the Response itself.
struct ReplyContext {
  std::string request_id;
  unsigned version = 11;
  bool head = false;
  bool accepts_gzip = false;
  bool keep_alive = false;
  // Static files come with their own gzip copy, kept only where it pays; never redo that here.
  bool may_compress = true;
};

// Result of reading one request off the wire.
struct ReadOutcome {
  enum class Kind { request, error, closed } kind = Kind::closed;
  int status = 0;              // the error status for Kind::error
  WireRequest message;         // complete for Kind::request, the header for some errors
  bool header_usable = false;  // message's header may be shown to the ErrorResponder
};

// Moves the body out of message; nullopt when the path has a malformed percent escape.
std::optional<Request> to_request(WireRequest& message, const Connection& connection,
                                  std::string request_id) {
  Request request;
  request.method = parse_method(to_std(message.method_string()));
  request.target = std::string(to_std(message.target()));
  const auto question = request.target.find('?');
  auto path = url_decode(std::string_view(request.target).substr(0, question));
  if (!path) return std::nullopt;
  request.path = std::move(*path);
  if (question != std::string::npos) request.query_string = request.target.substr(question + 1);
  for (const auto& field : message) {
    request.headers.emplace_back(lower_case(to_std(field.name_string())),
                                 std::string(to_std(field.value())));
  }
  request.body = std::move(message.body());
  request.remote_address = connection.remote_address;
  request.request_id = std::move(request_id);
  return request;
}

bool is_bodiless_status(int status) { return status < 200 || status == 204 || status == 304; }

void set_header_if_absent(Response& response, std::string name, std::string_view value) {
  if (response.header(name).empty()) response.set_header(std::move(name), std::string(value));
}

void add_vary_accept_encoding(Response& response) {
  const std::string_view vary = response.header("Vary");
  if (vary.empty()) {
    response.set_header("Vary", "Accept-Encoding");
  } else if (lower_case(vary).find("accept-encoding") == std::string::npos) {
    response.set_header("Vary", std::string(vary) + ", Accept-Encoding");
  }
}

struct ServerCore {
  ServerCore(ServerOptions options_in, Dispatch dispatch_in, ErrorResponder errors_in,
             std::shared_ptr<const StaticFiles> static_files_in,
             std::shared_ptr<Metrics> metrics_in)
      : options(std::move(options_in)),
        dispatch(std::move(dispatch_in)),
        errors(std::move(errors_in)),
        static_files(std::move(static_files_in)),
        metrics(std::move(metrics_in)),
        io(std::max(1, options.io_threads)),
        acceptor(asio::make_strand(io)),
        workers(static_cast<std::size_t>(std::max(1, options.workers))) {}

  // Owns a registered connection for the lifetime of its coroutine frame, so the registry stays
  // right even when the frame is destroyed without finishing (io_context torn down).
  class ConnectionLease {
   public:
    ConnectionLease(ServerCore* server, std::shared_ptr<Connection> connection)
        : server_(server), connection_(std::move(connection)) {
      std::lock_guard lock(server_->mutex);
      server_->connections.insert(connection_);
    }
    ConnectionLease(ConnectionLease&& other) noexcept
        : server_(std::exchange(other.server_, nullptr)),
          connection_(std::move(other.connection_)) {}
    ConnectionLease& operator=(ConnectionLease&&) = delete;
    ~ConnectionLease() {
      if (!server_) return;
      {
        std::lock_guard lock(server_->mutex);
        server_->connections.erase(connection_);
      }
      server_->changed.notify_all();
    }
    const std::shared_ptr<Connection>& connection() const { return connection_; }

   private:
    ServerCore* server_;
    std::shared_ptr<Connection> connection_;
  };

  std::uint16_t listen();
  void run(bool handle_signals);
  void request_stop();
  void wait_for_stop_request();
  void begin_shutdown();
  bool wait_for_connections_to_close();
  void accept(tcp::socket socket);
  Response error_response(int status, const Request* request) const;
  Response dispatch_safely(Request& request) const;
  WireResponse to_wire(Response response, const ReplyContext& context) const;
  void observe(const Response& response, Clock::time_point started) const;

  ServerOptions options;
  Dispatch dispatch;
  ErrorResponder errors;
  std::shared_ptr<const StaticFiles> static_files;
  std::shared_ptr<Metrics> metrics;

  // Declared before the io_context: connection frames destroyed with it still unregister here.
  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_set<std::shared_ptr<Connection>> connections;  // guarded by mutex
  bool stop_requested = false;                                  // guarded by mutex
  std::atomic<bool> shutting_down{false};
  std::atomic<std::size_t> waiting_dispatches{0};  // posted to the workers, not yet started
  std::uint16_t bound_port = 0;

  asio::io_context io;
  tcp::acceptor acceptor;  // on a strand shared with the signal set
  std::optional<asio::signal_set> signals;
  std::vector<std::thread> io_threads;
  asio::thread_pool workers;  // destroyed first: its pending work may hold connection frames
};

// Runs on a worker thread: handlers may block on the database or password hashing.
asio::awaitable<Response> run_on_worker(ServerCore* server, Request request) {
  server->waiting_dispatches.fetch_sub(1);
  co_return server->dispatch_safely(request);
}

void arm_request_deadline(const std::shared_ptr<Connection>& connection,
                          std::chrono::seconds timeout) {
  connection->timed_out = false;
  const std::uint64_t generation = ++connection->deadline_generation;
  connection->deadline.expires_after(timeout);
  std::weak_ptr<Connection> weak = connection;
  connection->deadline.async_wait([weak, generation](error_code ec) {
    const auto alive = weak.lock();
    // A generation mismatch is a timer that fired just as its read finished.
    if (ec || !alive || alive->deadline_generation != generation) return;
    alive->timed_out = true;
    alive->stream.cancel();
  });
}

void disarm_request_deadline(Connection& connection) {
  ++connection.deadline_generation;
  connection.deadline.cancel();
}

bool expects_continue(const WireRequest& message) {
  return message.version() >= 11 &&
         beast::iequals(message[wire::field::expect], beast::string_view("100-continue"));
}

ReadOutcome classify_read(error_code ec, const Connection& connection,
                          wire::request_parser<wire::string_body>& parser) {
  ReadOutcome outcome;
  if (!ec) {
    outcome.kind = ReadOutcome::Kind::request;
    outcome.message = parser.release();
    return outcome;
  }
  if (connection.timed_out) {
    outcome.status = 408;
    outcome.header_usable = parser.is_header_done();
  } else if (ec == wire::error::header_limit) {
    outcome.status = 431;
  } else if (ec == wire::error::body_limit) {
    outcome.status = 413;
    outcome.header_usable = true;  // raised once the whole header, with Content-Length, is in
  } else if (ec == wire::error::end_of_stream || ec == asio::error::eof ||
             ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
             ec == beast::error::timeout) {
    return outcome;  // the client went away, or the server is closing: nobody to answer
  } else {
    outcome.status = 400;
  }
  outcome.kind = ReadOutcome::Kind::error;
  if (outcome.header_usable) outcome.message = parser.release();
  return outcome;
}

// Waits for the first bytes of a request; false when the connection should just close (the
// client left, it stayed idle too long, or the server is shutting down).
asio::awaitable<bool> await_first_bytes(ServerCore* server, std::shared_ptr<Connection> connection,
                                        std::chrono::seconds timeout) {
  if (server->shutting_down) co_return false;
  connection->idle = true;
  connection->stream.expires_after(timeout);
  error_code ec;
  const std::size_t received = co_await connection->stream.async_read_some(
      connection->buffer.prepare(kFirstReadBytes), use_awaitable_ec(ec));
  connection->stream.expires_never();
  connection->idle = false;
  connection->buffer.commit(received);
  co_return !ec;
}

asio::awaitable<ReadOutcome> read_request(ServerCore* server,
                                          std::shared_ptr<Connection> connection) {
  wire::request_parser<wire::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(server->options.max_header_bytes));
  parser.body_limit(static_cast<std::uint64_t>(server->options.max_body_bytes));
  arm_request_deadline(connection, server->options.read_timeout);
  error_code ec;
  co_await wire::async_read_header(connection->stream, connection->buffer, parser,
                                   use_awaitable_ec(ec));
  if (!ec && !parser.is_done() && expects_continue(parser.get())) {
    wire::response<wire::empty_body> go_on{wire::status::continue_, parser.get().version()};
    co_await wire::async_write(connection->stream, go_on, use_awaitable_ec(ec));
  }
  if (!ec && !parser.is_done()) {
    co_await wire::async_read(connection->stream, connection->buffer, parser, use_awaitable_ec(ec));
  }
  disarm_request_deadline(*connection);
  co_return classify_read(ec, *connection, parser);
}

asio::awaitable<bool> write_response(ServerCore* server, std::shared_ptr<Connection> connection,
                                     WireResponse message) {
  connection->stream.expires_after(server->options.read_timeout);
  error_code ec;
  co_await wire::async_write(connection->stream, message, use_awaitable_ec(ec));
  connection->stream.expires_never();
  co_return !ec;
}

// Half-closes, drops what the client still sends for a short while, then closes.
asio::awaitable<void> close_after_draining(std::shared_ptr<Connection> connection) {
  error_code ec;
  connection->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  connection->stream.expires_after(kLingerTimeout);
  std::array<char, 4096> sink;
  std::size_t drained = 0;
  while (!ec && drained < kLingerMaxBytes) {
    drained +=
        co_await connection->stream.async_read_some(asio::buffer(sink), use_awaitable_ec(ec));
  }
  connection->stream.close();
}

// A response from the static files or the workers; overloaded when the queue was full.
struct Produced {
  Response response;
  bool overloaded = false;
  bool from_static_files = false;
};

asio::awaitable<Produced> produce_response(ServerCore* server, Request request) {
  const bool readonly = request.method == Method::get || request.method == Method::head;
  if (readonly && server->static_files) {
    if (auto served = server->static_files->serve(request)) {
      co_return Produced{std::move(*served), false, true};
    }
  }
  if (server->waiting_dispatches.fetch_add(1) >= server->options.max_queued_requests) {
    server->waiting_dispatches.fetch_sub(1);
    co_return Produced{server->error_response(503, &request), true};
  }
  auto on_worker = asio::co_spawn(server->workers, run_on_worker(server, std::move(request)),
                                  asio::use_awaitable);
  Response response = co_await std::move(on_worker);
  co_return Produced{std::move(response)};
}

// Answers a request that could not be read and closes the connection.
asio::awaitable<void> answer_read_error(ServerCore* server, std::shared_ptr<Connection> connection,
                                        ReadOutcome outcome, std::string request_id) {
  const Clock::time_point started = Clock::now();
  std::optional<Request> request;
  if (outcome.header_usable) request = to_request(outcome.message, *connection, request_id);
  Response response = server->error_response(outcome.status, request ? &*request : nullptr);
  ReplyContext context{std::move(request_id)};
  if (request) {
    context.version = outcome.message.version();
    context.head = request->method == Method::head;
    context.accepts_gzip = accepts_gzip(request->header("accept-encoding"));
  }
  auto writing = write_response(server, connection, server->to_wire(response, context));
  if (co_await std::move(writing)) server->observe(response, started);
  co_await close_after_draining(connection);
}

// Reads, answers and accounts for one request; false when the connection should close.
asio::awaitable<bool> serve_one_request(ServerCore* server,
                                        std::shared_ptr<Connection> connection) {
  std::string request_id = make_request_id();
  auto reading = read_request(server, connection);
  ReadOutcome outcome = co_await std::move(reading);
  if (outcome.kind == ReadOutcome::Kind::closed) co_return false;
  if (outcome.kind == ReadOutcome::Kind::error) {
    auto answering =
        answer_read_error(server, connection, std::move(outcome), std::move(request_id));
    co_await std::move(answering);
    co_return false;
  }

  const Clock::time_point started = Clock::now();
  std::optional<Request> request = to_request(outcome.message, *connection, request_id);
  if (!request) {
    outcome.kind = ReadOutcome::Kind::error;
    outcome.status = 400;  // a malformed percent escape in the path
    auto answering =
        answer_read_error(server, connection, std::move(outcome), std::move(request_id));
    co_await std::move(answering);
    co_return false;
  }
  ReplyContext context{
      std::move(request_id), outcome.message.version(), request->method == Method::head,
      accepts_gzip(request->header("accept-encoding")), outcome.message.keep_alive()};
  auto producing = produce_response(server, std::move(*request));
  Produced produced = co_await std::move(producing);
  Response& response = produced.response;
  // Closing frees a busy server; during shutdown the connection ends after this response.
  if (produced.overloaded || server->shutting_down) context.keep_alive = false;
  context.may_compress = !produced.from_static_files;

  auto writing = write_response(server, connection, server->to_wire(response, context));
  const bool written = co_await std::move(writing);
  if (written) server->observe(response, started);
  const bool keep_open = written && context.keep_alive;
  co_return keep_open;
}

asio::awaitable<void> serve_connection(ServerCore* server, ServerCore::ConnectionLease lease) {
  const std::shared_ptr<Connection> connection = lease.connection();
  // A new connection gets the request timeout to send something; later waits are keep-alive.
  std::chrono::seconds wait = server->options.read_timeout;
  try {
    while (true) {
      if (connection->buffer.size() == 0) {
        auto waiting = await_first_bytes(server, connection, wait);
        if (!co_await std::move(waiting)) break;
      }
      wait = server->options.idle_timeout;
      auto serving = serve_one_request(server, connection);
      if (!co_await std::move(serving)) break;
    }
  } catch (const std::exception& e) {
    // For instance a handler's status outside 100..999, which Beast refuses to write.
    spdlog::error("http: connection from {} failed: {}", connection->remote_address, e.what());
  }
  error_code ignored;
  connection->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  connection->stream.close();
}

asio::awaitable<void> accept_loop(ServerCore* server) {
  while (true) {
    tcp::socket socket(asio::make_strand(server->io));
    error_code ec;
    co_await server->acceptor.async_accept(socket, use_awaitable_ec(ec));
    if (!server->acceptor.is_open()) co_return;
    if (!ec) {
      server->accept(std::move(socket));
      continue;
    }
    // Usually out of file descriptors: wait a little instead of spinning on the error.
    spdlog::warn("http: accept failed: {}", ec.message());
    asio::steady_timer pause(server->acceptor.get_executor(), kAcceptRetryDelay);
    co_await pause.async_wait(use_awaitable_ec(ec));
  }
}

std::uint16_t ServerCore::listen() {
  try {
    const tcp::endpoint endpoint(asio::ip::make_address(options.address), options.port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    error_code ignored;
    acceptor.close(ignored);
    throw std::runtime_error("cannot listen on " + options.address + ":" +
                             std::to_string(options.port) + ": " + e.what());
  }
  bound_port = acceptor.local_endpoint().port();
  return bound_port;
}

void ServerCore::accept(tcp::socket socket) {
  error_code ec;
  std::size_t open_connections = 0;
  {
    std::lock_guard lock(mutex);
    open_connections = connections.size();
  }
  if (shutting_down || open_connections >= options.max_connections) {
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  const auto remote = socket.remote_endpoint(ec);
  const auto executor = socket.get_executor();
  auto connection = std::make_shared<Connection>(std::move(socket));
  if (!ec) connection->remote_address = remote.address().to_string();
  asio::co_spawn(executor, serve_connection(this, ConnectionLease(this, std::move(connection))),
                 asio::detached);
}

void ServerCore::run(bool handle_signals) {
  // The worker pool is joined on the way out and cannot be restarted.
  if (!io_threads.empty()) throw std::logic_error("Server::run may be called only once");
  if (!acceptor.is_open()) listen();
  asio::co_spawn(acceptor.get_executor(), accept_loop(this), asio::detached);
  if (handle_signals) {
    signals.emplace(acceptor.get_executor(), SIGINT, SIGTERM);
    signals->async_wait([this](error_code ec, int) {
      if (!ec) request_stop();
    });
  }
  for (int i = 0; i < std::max(1, options.io_threads); ++i) {
    io_threads.emplace_back([this] { io.run(); });
  }
  spdlog::info("http: listening on {}:{}", options.address, bound_port);

  wait_for_stop_request();
  begin_shutdown();
  const bool drained = wait_for_connections_to_close();
  io.stop();
  for (auto& thread : io_threads) thread.join();
  // The close posted by begin_shutdown may not have run before the stop; no thread runs now.
  error_code ignored;
  acceptor.close(ignored);
  signals.reset();
  if (!drained) {
    spdlog::warn("http: shutdown grace expired; dropping queued requests");
    workers.stop();  // requests not started are dropped; running ones still finish
  }
  workers.join();
  spdlog::info("http: stopped");
}

void ServerCore::request_stop() {
  {
    std::lock_guard lock(mutex);
    stop_requested = true;
  }
  changed.notify_all();
}

void ServerCore::wait_for_stop_request() {
  std::unique_lock lock(mutex);
  changed.wait(lock, [this] { return stop_requested; });
}

void ServerCore::begin_shutdown() {
  shutting_down = true;
  asio::post(acceptor.get_executor(), [this] {
    error_code ignored;
    acceptor.close(ignored);
    if (signals) signals->cancel(ignored);
  });
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex);
    open.assign(connections.begin(), connections.end());
  }
  // Connections busy with a request see shutting_down and close after their response.
  for (auto& connection : open) {
    asio::post(connection->stream.get_executor(), [connection] {
      if (connection->idle) connection->stream.cancel();
    });
  }
}

bool ServerCore::wait_for_connections_to_close() {
  std::unique_lock lock(mutex);
  return changed.wait_for(lock, options.shutdown_grace, [this] { return connections.empty(); });
}

Response ServerCore::error_response(int status, const Request* request) const {
  try {
    if (errors) return errors(status, request);
  } catch (const std::exception& e) {
    spdlog::error("http: error responder failed for {}: {}", status, e.what());
  }
  return Response::text(std::string(status_reason(status)), status);
}

Response ServerCore::dispatch_safely(Request& request) const {
  try {
    return dispatch(request);
  } catch (const UserError& e) {
    return error_response(http_status(e.failure()), &request);
  } catch (const std::exception& e) {
    spdlog::error("http: request {} {} {} failed: {}", request.request_id,
                  method_name(request.method), request.target, e.what());
  } catch (...) {
    spdlog::error("http: request {} {} {} failed with a non-standard exception", request.request_id,
                  method_name(request.method), request.target);
  }
  return error_response(500, &request);
}

WireResponse ServerCore::to_wire(Response response, const ReplyContext& context) const {
  const bool bodiless = is_bodiless_status(response.status);
  if (bodiless) response.body.clear();
  const bool compressible = options.compress && context.may_compress && !bodiless &&
                            response.header("Content-Encoding").empty() &&
                            is_compressible_type(response.content_type) &&
                            response.body.size() >= kMinCompressedBodyBytes;
  if (compressible) {
    add_vary_accept_encoding(response);  // caches must keep the two encodings apart
    if (context.accepts_gzip) {
      response.body = gzip_compress(response.body, kDynamicGzipLevel);
      response.set_header("Content-Encoding", "gzip");
    }
  }
  set_header_if_absent(response, "Content-Security-Policy", kContentSecurityPolicy);
  set_header_if_absent(response, "X-Content-Type-Options", "nosniff");
  set_header_if_absent(response, "Referrer-Policy", "strict-origin-when-cross-origin");
  set_header_if_absent(response, "X-Frame-Options", "DENY");
  response.set_header("X-Request-Id", context.request_id);
  response.set_header("Date", http_date());
  response.set_header("Server", "simpul");

  WireResponse message;
  message.version(context.version);
  message.result(static_cast<unsigned>(response.status));
  message.reason(to_beast(status_reason(response.status)));
  if (!bodiless && !response.content_type.empty()) {
    message.set(wire::field::content_type, to_beast(response.content_type));
  }
  for (const auto& [name, value] : response.headers) message.insert(to_beast(name), value);
  message.keep_alive(context.keep_alive);
  if (bodiless) return message;  // no Content-Length at all: Beast would write 0
  message.body() = std::move(response.body);
  message.prepare_payload();
  if (context.head) message.body().clear();  // the Content-Length of the GET body stays
  return message;
}

void ServerCore::observe(const Response& response, Clock::time_point started) const {
  if (!metrics) return;
  const std::chrono::duration<double> elapsed = Clock::now() - started;
  metrics->observe_request(response.route.empty() ? "unmatched" : response.route, response.status,
                           elapsed.count());
}

}  // namespace

struct Server::Impl : ServerCore {
  using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, Dispatch dispatch, ErrorResponder errors,
               std::shared_ptr<const StaticFiles> static_files, std::shared_ptr<Metrics> metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(dispatch), std::move(errors),
                                   std::move(static_files), std::move(metrics))) {}

Server::~Server() = default;

std::uint16_t Server::listen() { return impl_->listen(); }

void Server::run(bool handle_signals) { impl_->run(handle_signals); }

void Server::stop() { impl_->request_stop(); }

std::uint16_t Server::port() const { return impl_->bound_port; }

}  // namespace simpul::http
