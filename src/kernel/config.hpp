#pragma once
// The settings of a running Simpul, which every feature may read. Defaults here; app/config.hpp
// reads a TOML file, SIMPUL_* environment variables and flags over them. README.md documents every
// key.
#include <chrono>
#include <cstdint>
#include <string>

#include "core/auth/passwords.hpp"
#include "core/db/database.hpp"
#include "core/http/server.hpp"

namespace simpul::kernel {

// The mail server that sends the outbox of notices (notices/sender.hpp).
struct SmtpConfig {
  std::string host;  // empty: not configured, emails stay in the outbox
  int port = 587;
  bool starttls = true;
  std::string username;
  std::string password;
  std::string from;  // "Simpul <no-reply@simpul.example.go.id>"; required with a host
  // PEM certificates to trust instead of the system's (a mail relay with an internal CA; the
  // tests' throw-away certificate).
  std::string ca_file;
  int max_attempts = 6;
  std::chrono::milliseconds poll{10000};  // how often the outbox is looked at

  bool configured() const { return !host.empty(); }
};

// Who answers people's questions about this installation, shown on /bantuan and in the footer's
// help page. Empty fields are left out; with none set the page says so.
struct HelpDesk {
  std::string email;
  std::string phone;  // a telephone or WhatsApp number as people dial it
  std::string hours;  // "Senin–Jumat 08.00–16.00 WIB"
};

struct Config {
  std::string home = ".";  // where templates/, i18n/, static/, migrations/, node_modules/ are
  std::string data_dir = "var";
  std::string database;  // empty: sqlite:<data_dir>/simpul.db
  http::ServerOptions server;
  db::PoolOptions pool;
  bool demo = false;  // seed one account per role and show their passwords on the sign-in page
  bool secure_cookies = false;  // set behind TLS: Secure cookies
  std::string log_level = "info";
  std::chrono::seconds session_idle{2 * 3600};
  std::chrono::seconds session_absolute{12 * 3600};
  int signin_failures_per_account = 5;   // within signin_window
  int signin_failures_per_address = 20;  // within signin_window
  std::chrono::seconds signin_window{15 * 60};
  auth::PasswordCost password_cost;
  // How often a server looks for publications made by other servers or `simpul import`; 0: never.
  std::chrono::milliseconds catalogue_poll{5000};
  // Where people open Simpul ("https://simpul.menpan.go.id"), for the links in emails; empty:
  // emails name the page's path only.
  std::string public_url;
  SmtpConfig smtp;
  HelpDesk helpdesk;

  std::string database_url() const;
  std::string path(const std::string& relative) const;  // home + "/" + relative
};

}  // namespace simpul::kernel
