#include "app/config.hpp"

#include <toml++/toml.h>

#include <sstream>
#include <stdexcept>

namespace simpul::app {

std::string Config::database_url() const {
  return database.empty() ? "sqlite:" + data_dir + "/simpul.db" : database;
}

std::string Config::path(const std::string& relative) const { return home + "/" + relative; }

namespace {

template <class T>
void read(const toml::table& table, std::string_view key, T& target) {
  if (auto value = table.at_path(key).value<T>()) target = *value;
}

void read_seconds(const toml::table& table, std::string_view key, std::chrono::seconds& target) {
  if (auto value = table.at_path(key).value<std::int64_t>()) target = std::chrono::seconds(*value);
}

}  // namespace

void load_toml(Config& config, const std::string& file) {
  toml::table table;
  try {
    table = toml::parse_file(file);
  } catch (const toml::parse_error& error) {
    std::ostringstream message;
    message << file << ":" << error.source().begin.line << ": " << error.description();
    throw std::runtime_error(message.str());
  }
  read(table, "home", config.home);
  read(table, "data_dir", config.data_dir);
  read(table, "database.url", config.database);
  read(table, "database.pool_size", config.pool.size);
  read(table, "server.address", config.server.address);
  std::int64_t port = config.server.port;
  read(table, "server.port", port);
  config.server.port = static_cast<std::uint16_t>(port);
  read(table, "server.io_threads", config.server.io_threads);
  read(table, "server.workers", config.server.workers);
  std::int64_t max_body = static_cast<std::int64_t>(config.server.max_body_bytes);
  read(table, "server.max_body_bytes", max_body);
  config.server.max_body_bytes = static_cast<std::size_t>(max_body);
  read_seconds(table, "server.read_timeout_seconds", config.server.read_timeout);
  read_seconds(table, "server.idle_timeout_seconds", config.server.idle_timeout);
  read(table, "demo", config.demo);
  read(table, "log_level", config.log_level);
  read(table, "security.secure_cookies", config.secure_cookies);
  read_seconds(table, "security.session_idle_seconds", config.session_idle);
  read_seconds(table, "security.session_absolute_seconds", config.session_absolute);
  read(table, "security.signin_failures_per_account", config.signin_failures_per_account);
  read(table, "security.signin_failures_per_address", config.signin_failures_per_address);
  read_seconds(table, "security.signin_window_seconds", config.signin_window);
  std::int64_t poll_ms = config.catalogue_poll.count();
  read(table, "catalogue.poll_milliseconds", poll_ms);
  config.catalogue_poll = std::chrono::milliseconds(poll_ms);
}

}  // namespace simpul::app
