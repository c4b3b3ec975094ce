#pragma once
// A real SMTP server for tests: tests/support/smtp_server.py (aiosmtpd) in a child process on a
// free port of 127.0.0.1, plain or with STARTTLS on a throw-away certificate, optionally with
// AUTH. Every message it accepts is read back, parsed by Python's email package, as JSON.
//
//   simpul::test::SmtpServer smtp({.starttls = true, .username = "u", .password = "p"});
//   config.smtp.host = "127.0.0.1"; config.smtp.port = smtp.port();
//   config.smtp.ca_file = smtp.ca_file();
//   ASSERT_TRUE(smtp.wait_for(1)); auto message = smtp.received()[0];  // "subject", "body", ...
//
// The child stops when the object goes, and by itself if the test process dies (its standard
// input closes).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace simpul::test {

struct SmtpServerOptions {
  bool starttls = false;
  std::string username;  // AUTH required when set
  std::string password;
  std::string reject;  // a recipient answered with 550
};

class SmtpServer {
 public:
  explicit SmtpServer(const SmtpServerOptions& options = {}) {
    static int counter = 0;
    folder_ = std::filesystem::temp_directory_path() /
              ("simpul-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(folder_);
    std::vector<std::string> args = {
        "/usr/bin/python3", std::string(SIMPUL_SOURCE_DIR) + "/tests/support/smtp_server.py",
        "--out", out_file()};
    if (options.starttls) args.insert(args.end(), {"--starttls", folder_.string()});
    if (!options.username.empty()) {
      args.insert(args.end(), {"--user", options.username, "--password", options.password});
    }
    if (!options.reject.empty()) args.insert(args.end(), {"--reject", options.reject});
    start(args);
  }

  ~SmtpServer() {
    ::close(input_);
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    std::filesystem::remove_all(folder_);
  }

  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  // The certificate to trust (with starttls).
  std::string ca_file() const { return (folder_ / "cert.pem").string(); }

  // The messages received so far, in order.
  std::vector<nlohmann::json> received() const {
    std::vector<nlohmann::json> messages;
    std::ifstream in(out_file());
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) messages.push_back(nlohmann::json::parse(line));
    }
    return messages;
  }

  // Waits until at least count messages arrived; false after timeout.
  bool wait_for(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (received().size() < count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }

 private:
  std::string out_file() const { return (folder_ / "received.jsonl").string(); }

  void start(const std::vector<std::string>& args) {
    int input[2], output[2];
    if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    // Nothing else of the test process (its server's sockets, other children's pipes) leaks in.
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    int failed = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(input[0]);
    ::close(output[1]);
    input_ = input[1];
    if (failed) throw std::runtime_error("cannot start " + args[1]);
    port_ = read_port(output[0]);
    ::close(output[0]);
  }

  // The "listening PORT" line, within ten seconds.
  int read_port(int fd) {
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (line.find('\n') == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd ready{fd, POLLIN, 0};
      char buffer[256];
      ssize_t n = 0;
      if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) <= 0 ||
          (n = ::read(fd, buffer, sizeof buffer)) <= 0) {
        throw std::runtime_error(
            "the test SMTP server did not start (is python3-aiosmtpd installed?)");
      }
      line.append(buffer, static_cast<std::size_t>(n));
    }
    if (!line.starts_with("listening ")) throw std::runtime_error("test SMTP server: " + line);
    return std::stoi(line.substr(10));
  }

  std::filesystem::path folder_;
  pid_t pid_ = 0;
  int input_ = -1;
  int port_ = 0;
};

}  // namespace simpul::test
