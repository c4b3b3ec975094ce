#pragma once
// Integration tests drive the real server over HTTP: an App on an ephemeral port in a thread,
// on a fresh database of each engine, and a small blocking HTTP client with a cookie jar.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

#include "accounts/service.hpp"
#include "app/app.hpp"
#include "support/databases.hpp"

namespace simpul::test {

// Agencies of the region data that the tests sign in and file under.
inline constexpr const char* kKaltara = "Pemerintah Provinsi Kalimantan Utara";
inline constexpr const char* kTarakan = "Pemerintah Kota Tarakan";

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  bool contains(const std::string& text) const { return body.find(text) != std::string::npos; }
  // Whether the body holds these table cells, their column labels for phones
  // (<td data-label="…">) read as plain <td>.
  bool has_cells(const std::string& cells) const {
    std::string plain;
    std::size_t at = 0;
    for (;;) {
      auto open = body.find("<td data-label=\"", at);
      if (open == std::string::npos) break;
      auto close = body.find("\">", open + 16);
      if (close == std::string::npos) break;
      plain.append(body, at, open - at).append("<td>");
      at = close + 2;
    }
    plain.append(body, at);
    return plain.find(cells) != std::string::npos;
  }
};

// Sends raw bytes and reads until the server closes (requests carry Connection: close).
inline std::string exchange_raw(std::uint16_t port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to the test server");
  }
  timeval timeout{20, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (413, 431); read what it answered
    sent += static_cast<std::size_t>(n);
  }
  std::string reply;
  char buffer[16384];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) reply.append(buffer, n);
  ::close(fd);
  return reply;
}

inline HttpResponse parse_response(const std::string& raw) {
  HttpResponse response;
  auto head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string::npos) return response;
  response.status = std::stoi(raw.substr(9, 3));
  std::size_t line_start = raw.find("\r\n") + 2;
  while (line_start < head_end) {
    auto line_end = raw.find("\r\n", line_start);
    auto line = raw.substr(line_start, line_end - line_start);
    auto colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.headers.emplace(name, value);
    line_start = line_end + 2;
  }
  response.body = raw.substr(head_end + 4);
  return response;
}

inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += http::url_encode(name) + "=" + http::url_encode(value);
  }
  return out;
}

// A browser in miniature: keeps cookies, finds the CSRF token in the last page it saw.
class Client {
 public:
  explicit Client(std::uint16_t port) : port_(port) {}

  HttpResponse get(const std::string& target, const std::string& extra_headers = "") {
    return send("GET", target, "", "", extra_headers);
  }
  HttpResponse head(const std::string& target) { return send("HEAD", target, "", "", ""); }
  // Posts a form with the CSRF token of the last page (fetching "/" first when there is none).
  HttpResponse post(const std::string& target,
                    std::vector<std::pair<std::string, std::string>> fields) {
    if (csrf_.empty()) get("/");
    fields.emplace_back("csrf", csrf_);
    return post_raw(target, form_encode(fields));
  }
  HttpResponse post_raw(const std::string& target, const std::string& body,
                        const std::string& content_type = "application/x-www-form-urlencoded") {
    return send("POST", target, body, content_type, "");
  }
  HttpResponse send(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& content_type, const std::string& extra_headers) {
    std::string request =
        method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
    if (!cookies_.empty()) request += "Cookie: " + cookie_header() + "\r\n";
    if (!content_type.empty()) request += "Content-Type: " + content_type + "\r\n";
    if (method != "GET" && method != "HEAD") {
      request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += extra_headers + "\r\n" + body;
    auto response = parse_response(exchange_raw(port_, request));
    remember_cookies(response);
    remember_csrf(response);
    return response;
  }
  // Follows one redirect with GET, as a browser does after a form post.
  HttpResponse follow(const HttpResponse& response) { return get(response.header("location")); }

  const std::string& csrf() const { return csrf_; }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  std::string cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? "" : it->second;
  }
  void forget_cookie(const std::string& name) { cookies_.erase(name); }

 private:
  std::string cookie_header() const {
    std::string out;
    for (const auto& [name, value] : cookies_)
      out += (out.empty() ? "" : "; ") + name + "=" + value;
    return out;
  }
  void remember_cookies(const HttpResponse& response) {
    auto [begin, end] = response.headers.equal_range("set-cookie");
    for (auto it = begin; it != end; ++it) {
      const std::string& line = it->second;
      auto equals = line.find('=');
      auto semicolon = line.find(';');
      std::string name = line.substr(0, equals);
      std::string value = line.substr(equals + 1, semicolon - equals - 1);
      if (value.empty() || line.find("Max-Age=0") != std::string::npos) {
        cookies_.erase(name);
      } else {
        cookies_[name] = value;
      }
    }
  }
  void remember_csrf(const HttpResponse& response) {
    static const std::regex token(R"re(name="csrf" value="([0-9a-f]+)")re");
    std::smatch match;
    if (std::regex_search(response.body, match, token)) csrf_ = match[1];
  }

  std::uint16_t port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// The real application on a fresh database, serving on an ephemeral port until destroyed.
class TestServer {
 public:
  explicit TestServer(const std::string& engine,
                      const std::function<void(kernel::Config&)>& adjust = {})
      : database_(engine) {
    config_.home = SIMPUL_SOURCE_DIR;
    data_dir_ = std::filesystem::temp_directory_path() /
                ("simpul-it-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    config_.data_dir = data_dir_.string();
    config_.database = database_.url();
    config_.server.port = 0;
    config_.server.workers = 4;
    config_.password_cost = auth::PasswordCost::for_tests();
    config_.log_level = "warn";
    if (adjust) adjust(config_);
    spdlog::set_level(spdlog::level::warn);
    app_ = std::make_unique<app::App>(config_);
    port_ = app_->listen();
    thread_ = std::thread([this] { app_->run(false); });
  }
  ~TestServer() {
    app_->stop();
    thread_.join();
    app_.reset();
    std::filesystem::remove_all(data_dir_);
  }

  std::uint16_t port() const { return port_; }
  app::App& app() { return *app_; }
  const TestDatabase& database() const { return database_; }
  Client client() { return Client(port_); }

  // Creates an account directly (as the CLI does) and returns its password.
  std::string add_user(const std::string& username, auth::Role role,
                       std::optional<std::int64_t> agency_id = {},
                       std::optional<std::int64_t> unit_id = {}, bool setup_done = true) {
    std::string password = "Sandi" + username + "2026x";
    accounts::NewAccount account{username, role, agency_id, unit_id, "Nama " + username};
    accounts::create_account(app_->db(), {std::nullopt, "test", "", ""}, account, password,
                             config_.password_cost, setup_done);
    return password;
  }
  std::int64_t agency_id(const std::string& name) {
    auto tx = app_->db().begin_read();
    return tx.scalar("SELECT id FROM agencies WHERE name = $1", {name});
  }
  std::int64_t add_unit(std::int64_t agency_id, const std::string& name) {
    return app_->db().write([&](db::Transaction& tx) {
      return tx.scalar(
          "INSERT INTO units (agency_id, name, created_at) VALUES ($1, $2, 0) RETURNING id",
          {agency_id, name});
    });
  }
  std::int64_t count(const std::string& sql, const db::Params& params = {}) {
    auto tx = app_->db().begin_read();
    return tx.scalar(sql, params);
  }
  // A client signed in as username.
  Client signed_in(const std::string& username, const std::string& password) {
    Client client(port_);
    client.get("/masuk");
    auto response = client.post("/masuk", {{"username", username}, {"password", password}});
    EXPECT_EQ(response.status, 303) << response.body;
    return client;
  }

 private:
  static int& counter() {
    static int value = 0;
    return value;
  }
  TestDatabase database_;
  kernel::Config config_;
  std::filesystem::path data_dir_;
  std::unique_ptr<app::App> app_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

// Parameterised over the engines available here (SQLite always, PostgreSQL when started).
class EngineTest : public ::testing::TestWithParam<std::string> {};

using FormFields = std::vector<std::pair<std::string, std::string>>;

// The version a form carries in its hidden field, for the next save.
inline std::string version_on(const HttpResponse& page) {
  static const std::regex version(R"re(name="version" value="(\d+)")re");
  std::smatch match;
  EXPECT_TRUE(std::regex_search(page.body, match, version)) << page.body.substr(0, 3000);
  return match.size() > 1 ? match[1].str() : "";
}

}  // namespace simpul::test

#define SIMPUL_ENGINE_SUITE(suite)                                                   \
  INSTANTIATE_TEST_SUITE_P(Engines, suite,                                           \
                           ::testing::ValuesIn(::simpul::test::available_engines()), \
                           ::simpul::test::engine_test_name)
