#include "app/config.hpp"

#include <toml++/toml.h>

#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "core/util/numbers.hpp"

namespace simpul::app {

using kernel::Config;
using kernel::SmtpConfig;

namespace {

template <class T>
void read(const toml::table& table, std::string_view key, T& target) {
  if (auto value = table.at_path(key).value<T>()) target = *value;
}

void read_seconds(const toml::table& table, std::string_view key, std::chrono::seconds& target) {
  if (auto value = table.at_path(key).value<std::int64_t>()) target = std::chrono::seconds(*value);
}

void read_milliseconds(const toml::table& table, std::string_view key,
                       std::chrono::milliseconds& target) {
  if (auto value = table.at_path(key).value<std::int64_t>()) {
    target = std::chrono::milliseconds(*value);
  }
}

void read_smtp(const toml::table& table, SmtpConfig& smtp) {
  read(table, "smtp.host", smtp.host);
  read(table, "smtp.port", smtp.port);
  read(table, "smtp.starttls", smtp.starttls);
  read(table, "smtp.username", smtp.username);
  read(table, "smtp.password", smtp.password);
  read(table, "smtp.from", smtp.from);
  read(table, "smtp.ca_file", smtp.ca_file);
  read(table, "smtp.max_attempts", smtp.max_attempts);
  read_milliseconds(table, "smtp.poll_milliseconds", smtp.poll);
}

void read_variable(const char* name, std::string& target) {
  if (const char* value = std::getenv(name); value && *value) target = value;
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
  read_milliseconds(table, "catalogue.poll_milliseconds", config.catalogue_poll);
  read(table, "public_url", config.public_url);
  read(table, "helpdesk.email", config.helpdesk.email);
  read(table, "helpdesk.phone", config.helpdesk.phone);
  read(table, "helpdesk.hours", config.helpdesk.hours);
  read_smtp(table, config.smtp);
}

void read_environment(Config& config) {
  read_variable("SIMPUL_SMTP_HOST", config.smtp.host);
  read_variable("SIMPUL_SMTP_USERNAME", config.smtp.username);
  read_variable("SIMPUL_SMTP_PASSWORD", config.smtp.password);
  read_variable("SIMPUL_PUBLIC_URL", config.public_url);
  std::string port;
  read_variable("SIMPUL_SMTP_PORT", port);
  if (!port.empty()) {
    auto number = parse_positive(port);
    if (!number || *number > 65535) {
      throw std::runtime_error("SIMPUL_SMTP_PORT is not a port: " + port);
    }
    config.smtp.port = static_cast<int>(*number);
  }
}

}  // namespace simpul::app
