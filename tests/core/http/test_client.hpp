#pragma once
// A minimal blocking HTTP/1.1 client over a POSIX socket, so the server tests exercise real TCP
// without sharing any code (or bugs) with the server's Beast parser.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace simpul::http::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;

  std::string header(const std::string& lower_case_name) const {
    const auto it = headers.find(lower_case_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestClient {
 public:
  explicit TestClient(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (fd_ < 0) throw std::runtime_error("socket failed");
    timeval timeout{.tv_sec = 10, .tv_usec = 0};  // a hung server fails the test, not the run
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd_);
      throw std::runtime_error(std::string("connect failed: ") + std::strerror(errno));
    }
  }
  ~TestClient() { ::close(fd_); }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  // Sends everything; false when the server closed the connection first.
  bool send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads one response; a response to HEAD (or a 1xx/204/304) has no body on the wire.
  std::optional<RawResponse> read_response(bool head = false) {
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!receive_more()) return std::nullopt;
    }
    RawResponse response = parse_head(std::string_view(pending_).substr(0, header_end));
    pending_.erase(0, header_end + 4);
    if (head || response.status < 200 || response.status == 204 || response.status == 304) {
      return response;
    }
    const std::string length = response.header("content-length");
    if (length.empty()) {
      while (receive_more()) {
      }
      response.body = std::move(pending_);
      pending_.clear();
      return response;
    }
    const std::size_t size = std::stoul(length);
    while (pending_.size() < size) {
      if (!receive_more()) return std::nullopt;
    }
    response.body = pending_.substr(0, size);
    pending_.erase(0, size);
    return response;
  }

  // True when the server closed the connection and sent nothing more.
  bool closed_by_server() { return !receive_more() && pending_.empty(); }

 private:
  bool receive_more() {
    char chunk[16384];
    const ssize_t received = ::recv(fd_, chunk, sizeof chunk, 0);
    if (received <= 0) return false;
    pending_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  static RawResponse parse_head(std::string_view head) {
    RawResponse response;
    const auto line_end = head.find("\r\n");
    const std::string_view status_line = head.substr(0, line_end);  // HTTP/1.1 200 OK
    response.status = std::stoi(std::string(status_line.substr(9, 3)));
    std::string_view rest =
        line_end == std::string_view::npos ? std::string_view{} : head.substr(line_end + 2);
    while (!rest.empty()) {
      const auto end = rest.find("\r\n");
      const std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 2);
      const auto colon = line.find(':');
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers[name] = std::string(value);
    }
    return response;
  }

  int fd_;
  std::string pending_;
};

}  // namespace simpul::http::testing
