// PostgreSQL driver on libpqxx 6.4. Each statement runs on a short-lived pqxx::nontransaction
// and transactions are plain BEGIN/COMMIT/ROLLBACK, so the Connection interface behaves as
// on SQLite. A connection that breaks is marked unhealthy and never used again.
#include <charconv>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <unordered_map>

#include "core/db/drivers.hpp"
#include "core/db/pool.hpp"

namespace simpul::db::detail {
namespace {

// Type OIDs from pg_type.h whose values map to Value's integer and real alternatives.
constexpr pqxx::oid bool_oid = 16;
constexpr pqxx::oid int8_oid = 20;
constexpr pqxx::oid int2_oid = 21;
constexpr pqxx::oid int4_oid = 23;
constexpr pqxx::oid float4_oid = 700;
constexpr pqxx::oid float8_oid = 701;

// libpq messages run over several lines: the first says what happened, the others add hints
// and, at verbose level, source locations.
std::string first_line(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

std::string one_line(std::string_view text) {
  std::string line;
  for (const char c : text) line += (c == '\n' || c == '\t') ? ' ' : c;
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// The primary message of a verbose libpq error: "ERROR:  23505: duplicate key ..." gives
// "duplicate key ...". The other lines hold DETAIL (row values) and source locations.
std::string primary_message(const pqxx::sql_error& error) {
  std::string_view text = error.what();
  text = text.substr(0, text.find('\n'));
  if (const auto colon = text.find(":  "); colon != std::string_view::npos) {
    text.remove_prefix(colon + 3);
  }
  const std::string code = error.sqlstate() + ": ";
  if (text.starts_with(code)) text.remove_prefix(code.size());
  return std::string(text);
}

// A field of a verbose libpq error, such as "CONSTRAINT NAME:  users_email_key".
std::string error_field(const pqxx::sql_error& error, std::string_view label) {
  const std::string_view text = error.what();
  const std::string prefix = "\n" + std::string(label) + ":  ";
  const auto start = text.find(prefix);
  if (start == std::string_view::npos) return {};
  const auto value = text.substr(start + prefix.size());
  return std::string(value.substr(0, value.find('\n')));
}

// NOT NULL violations name no constraint, only the column.
std::string violated_constraint(const pqxx::sql_error& error) {
  std::string name = error_field(error, "CONSTRAINT NAME");
  if (!name.empty()) return name;
  const std::string column = error_field(error, "COLUMN NAME");
  if (!column.empty()) return error_field(error, "TABLE NAME") + "." + column;
  return primary_message(error);
}

// The server ended the session: terminated by an administrator, or shutting down.
bool ends_session(const std::string& sqlstate) { return sqlstate.starts_with("57P0"); }

std::string pg_format_real(double number) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, number).ptr);
}

// Parameters go over as text with unspecified type, so the server infers each from context.
std::vector<std::optional<std::string>> to_text_parameters(const Params& params) {
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  for (const auto& value : params) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      texts.emplace_back(std::to_string(*integer));
    } else if (const auto* real = std::get_if<double>(&value)) {
      texts.emplace_back(pg_format_real(*real));
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      texts.emplace_back(*text);
    } else {
      texts.emplace_back(std::nullopt);
    }
  }
  return texts;
}

template <class Number>
Number parse(const pqxx::field& field) {
  Number number{};
  std::from_chars(field.c_str(), field.c_str() + field.size(), number);
  return number;
}

Result::Cell to_cell(const pqxx::field& field, pqxx::oid type) {
  if (field.is_null()) return nullptr;
  switch (type) {
    case int2_oid:
    case int4_oid:
    case int8_oid:
      return parse<std::int64_t>(field);
    case float4_oid:
    case float8_oid:
      return parse<double>(field);
    case bool_oid:
      return std::int64_t{field.c_str()[0] == 't'};
    default:
      return std::string(field.c_str(), field.size());
  }
}

Result to_result(const pqxx::result& result) {
  const auto width = result.columns();
  std::vector<std::string> columns;
  std::vector<pqxx::oid> types;
  for (pqxx::row::size_type i = 0; i < width; ++i) {
    columns.emplace_back(result.column_name(i));
    types.push_back(result.column_type(i));
  }
  std::vector<std::vector<Result::Cell>> rows;
  rows.reserve(result.size());
  for (const auto& row : result) {
    auto& cells = rows.emplace_back();
    for (pqxx::row::size_type i = 0; i < width; ++i) cells.push_back(to_cell(row[i], types[i]));
  }
  return Result(std::move(columns), std::move(rows));
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);

  Engine engine() const override { return Engine::postgresql; }
  Result query(std::string_view sql, const Params& params) override {
    return to_result(run_with_params(sql, params));
  }
  std::int64_t execute(std::string_view sql, const Params& params) override {
    return static_cast<std::int64_t>(run_with_params(sql, params).affected_rows());
  }
  void execute_script(std::string_view sql) override { run(sql); }
  void begin(bool write) override { run(write ? "BEGIN" : "BEGIN READ ONLY"); }
  void commit() override { run("COMMIT"); }
  void rollback() override;
  bool healthy() const override { return healthy_; }

 private:
  pqxx::result run(std::string_view sql);
  pqxx::result run_with_params(std::string_view sql, const Params& params);
  template <class Fn>
  pqxx::result guarded(std::string_view sql, Fn&& statement);
  [[noreturn]] void lost(std::string_view reason);
  [[noreturn]] void fail(const pqxx::sql_error& error, std::string_view sql);

  // The statement's name on this session, preparing it on first use; empty once the session
  // holds kMaxPrepared statements (SQL built with a varying number of placeholders must not grow
  // the cache without end).
  const std::string& prepared_name(const std::string& sql);

  pqxx::connection connection_;
  bool healthy_ = true;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// Plenty for every statement the features send; a few (IN lists) vary with their input.
constexpr std::size_t kMaxPrepared = 500;

PostgresConnection::PostgresConnection(const std::string& url) : connection_(url) {
  // Verbose errors carry the constraint name, which libpqxx 6 offers no other way to read.
  connection_.set_verbosity(pqxx::connection_base::verbose);
  // libpqxx would otherwise reconnect silently, and a BEGIN sent on the lost session would
  // not cover the statements that follow on the new one.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  connection_.inhibit_reactivation(true);
#pragma GCC diagnostic pop
}

void PostgresConnection::rollback() {
  try {
    run("ROLLBACK");
  } catch (...) {
    healthy_ = false;  // possibly still inside the transaction: the pool must close it
    throw;
  }
}

pqxx::result PostgresConnection::run(std::string_view sql) {
  return guarded(sql,
                 [&](pqxx::nontransaction& statement) { return statement.exec(std::string(sql)); });
}

const std::string& PostgresConnection::prepared_name(const std::string& sql) {
  static const std::string none;
  if (auto it = prepared_.find(sql); it != prepared_.end()) return it->second;
  if (prepared_.size() >= kMaxPrepared) return none;
  std::string name = "s" + std::to_string(prepared_.size() + 1);
  connection_.prepare(name, sql);  // sent to the server on first use
  return prepared_.emplace(sql, std::move(name)).first->second;
}

// A repeated statement runs as a prepared one, planned once per session rather than on every
// call: planning the proposal list's joins cost PostgreSQL about 2 ms each time.
pqxx::result PostgresConnection::run_with_params(std::string_view sql, const Params& params) {
  const auto texts = to_text_parameters(params);
  return guarded(sql, [&](pqxx::nontransaction& statement) {
    std::string text(sql);
    const std::string& name = prepared_name(text);
    if (name.empty()) return statement.exec_params(text, pqxx::prepare::make_dynamic_params(texts));
    return statement.exec_prepared(name, pqxx::prepare::make_dynamic_params(texts));
  });
}

template <class Fn>
pqxx::result PostgresConnection::guarded(std::string_view sql, Fn&& statement) {
  if (!healthy_) lost("the connection broke earlier");
  try {
    pqxx::nontransaction context(connection_);
    return statement(context);
  } catch (const pqxx::sql_error& error) {
    fail(error, sql);
  } catch (const std::exception& error) {
    // libpqxx reports some protocol errors (a wrong parameter count) as broken_connection
    // although the session is fine, so only the socket state decides.
    if (!connection_.is_open()) lost(error.what());
    throw Error(first_line(error.what()) + " (SQL: " + sql_excerpt(sql) + ")");
  }
}

[[noreturn]] void PostgresConnection::lost(std::string_view reason) {
  healthy_ = false;
  throw Unavailable("database connection lost: " + first_line(reason));
}

[[noreturn]] void PostgresConnection::fail(const pqxx::sql_error& error, std::string_view sql) {
  if (ends_session(error.sqlstate()) || !connection_.is_open()) lost(primary_message(error));
  if (error.sqlstate().starts_with("23")) {
    throw ConstraintViolation(primary_message(error), violated_constraint(error));
  }
  throw Error(primary_message(error) + " (SQL: " + sql_excerpt(sql) + ")");
}

class PostgresDatabase final : public ConnectionPool {
 public:
  PostgresDatabase(std::string url, const PoolOptions& options)
      : ConnectionPool(options), url_(std::move(url)), description_(without_password(url_)) {}

  Engine engine() const override { return Engine::postgresql; }
  std::string describe() const override { return description_; }

 protected:
  std::unique_ptr<Connection> connect() override {
    try {
      return std::make_unique<PostgresConnection>(url_);
    } catch (const std::exception& error) {
      throw Unavailable("cannot connect to PostgreSQL at " + description_ + ": " +
                        one_line(error.what()));
    }
  }

 private:
  std::string url_;
  std::string description_;
};

// libpq waits forever for an unreachable host unless connect_timeout is given (seconds,
// at least 1).
std::string with_connect_timeout(const std::string& url, std::chrono::milliseconds timeout) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  const auto seconds = std::max<std::int64_t>(1, (timeout.count() + 999) / 1000);
  const char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "connect_timeout=" + std::to_string(seconds);
}

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const PoolOptions& options) {
  return std::make_unique<PostgresDatabase>(with_connect_timeout(url, options.connect_timeout),
                                            options);
}

}  // namespace simpul::db::detail
