#pragma once
// One small storage interface with two drivers: SQLite (embedded default, WAL) and PostgreSQL
// (libpqxx). SQL is written once with PostgreSQL-style placeholders ($1, $2, ...); the SQLite
// driver binds them by name, so the same statement runs on both engines.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace simpul::db {

enum class Engine { sqlite, postgresql };
std::string_view engine_name(Engine engine);

// A bound parameter: NULL, integer, real or text. Booleans are stored as integers 0/1 and
// timestamps as integer seconds since the Unix epoch (UTC) on both engines.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// Builders so call sites read naturally: {db::text(name), id, nullptr}.
inline Value null() { return nullptr; }
inline Value optional_text(const std::optional<std::string>& s) {
  return s ? Value{*s} : Value{nullptr};
}
inline Value optional_integer(const std::optional<std::int64_t>& n) {
  return n ? Value{*n} : Value{nullptr};
}
inline Value optional_integer(const std::optional<int>& n) {
  return n ? Value{std::int64_t{*n}} : Value{nullptr};
}

// Failures a caller may want to tell apart.
class Error : public std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The database cannot be reached, is locked beyond the busy timeout, or the connection broke:
// the request may succeed later (HTTP 503).
class Unavailable : public Error {
  using Error::Error;
};
// A UNIQUE, FOREIGN KEY, NOT NULL or CHECK constraint refused the change (HTTP 409 or 400).
class ConstraintViolation : public Error {
 public:
  ConstraintViolation(const std::string& what, std::string constraint)
      : Error(what), constraint_(std::move(constraint)) {}
  const std::string& constraint() const { return constraint_; }

 private:
  std::string constraint_;
};

// A fully materialised result. Cells keep the driver's type; accessors convert (PostgreSQL
// returns text, which integer()/real() parse).
class Result {
 public:
  using Cell = Value;
  class Row {
   public:
    Row(const Result* result, std::size_t index) : result_(result), index_(index) {}
    bool is_null(std::size_t column) const;
    std::int64_t integer(std::size_t column) const;  // 0 for NULL
    double real(std::size_t column) const;           // 0.0 for NULL
    std::string text(std::size_t column) const;      // "" for NULL
    std::optional<std::string> optional_text(std::size_t column) const;
    std::optional<std::int64_t> optional_integer(std::size_t column) const;
    const Cell& cell(std::size_t column) const;

   private:
    const Result* result_;
    std::size_t index_;
  };

  Result() = default;
  Result(std::vector<std::string> columns, std::vector<std::vector<Cell>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  Row operator[](std::size_t i) const { return Row(this, i); }
  Row front() const { return Row(this, 0); }
  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t column_index(std::string_view name) const;  // throws Error when absent

  struct Iterator {
    const Result* result;
    std::size_t index;
    Row operator*() const { return Row(result, index); }
    Iterator& operator++() {
      ++index;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return index != other.index; }
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, rows_.size()}; }

 private:
  friend class Row;
  std::vector<std::string> columns_;
  std::vector<std::vector<Cell>> rows_;
};

// A connection borrowed from the pool. Not thread-safe; used by one worker at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  virtual Result query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements separated by semicolons, no parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual void begin(bool write) = 0;  // SQLite: BEGIN IMMEDIATE for writes
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // False once the driver has seen the connection break; the pool then drops it.
  virtual bool healthy() const = 0;
};

struct PoolOptions {
  int size = 4;                                     // connections kept open
  std::chrono::milliseconds busy_timeout{5000};     // SQLite lock wait
  std::chrono::milliseconds acquire_timeout{5000};  // wait for a free connection
  std::chrono::milliseconds connect_timeout{3000};  // PostgreSQL connect_timeout
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
  std::uint64_t acquired_total = 0;
  std::uint64_t wait_timeouts_total = 0;
};

class Database;

// A transaction on a borrowed connection; rolled back on destruction unless commit() ran.
class Transaction {
 public:
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result query(std::string_view sql, const Params& params = {});
  std::int64_t execute(std::string_view sql, const Params& params = {});
  // Convenience: the single integer of `SELECT ...` or `INSERT ... RETURNING id`.
  std::int64_t scalar(std::string_view sql, const Params& params = {});
  // The first row of the query as `row_to` makes it, or nullopt when there is none: a store's
  // find_* in one expression.
  template <class RowTo>
  auto first(std::string_view sql, const Params& params, RowTo row_to)
      -> std::optional<std::invoke_result_t<RowTo, const Result::Row&>> {
    Result result = query(sql, params);
    if (result.empty()) return std::nullopt;
    return row_to(result.front());
  }
  Engine engine() const;
  void commit();
  Connection& connection();

 private:
  friend class Database;
  struct Lease;
  Transaction(std::unique_ptr<Lease> lease, bool write);
  Lease& active();  // throws Error once committed or moved from
  std::unique_ptr<Lease> lease_;
  bool done_ = false;
};

class Database {
 public:
  // url: "sqlite:path/to/file.db", a plain path ending in .db/.sqlite, "sqlite::memory:", or
  // "postgresql://user:pass@host:port/dbname" (also "postgres://").
  static std::unique_ptr<Database> open(const std::string& url, PoolOptions options = {});
  virtual ~Database() = default;

  virtual Engine engine() const = 0;
  // Borrows a connection (waits up to acquire_timeout, else throws Unavailable).
  Transaction begin_read();
  Transaction begin_write();

  // Runs fn in a write transaction and commits when it returns normally; any exception rolls
  // back and propagates, so nothing half-written is ever committed.
  template <class Fn>
  auto write(Fn&& fn) {
    auto tx = begin_write();
    if constexpr (std::is_void_v<decltype(fn(tx))>) {
      fn(tx);
      tx.commit();
    } else {
      auto result = fn(tx);
      tx.commit();
      return result;
    }
  }
  template <class Fn>
  auto read(Fn&& fn) {
    auto tx = begin_read();
    return fn(tx);
  }

  virtual PoolStats stats() const = 0;
  // The url with any password removed, for logs.
  virtual std::string describe() const = 0;

 protected:
  friend class Transaction;
  // Implemented by the driver pools.
  virtual std::unique_ptr<Connection> acquire() = 0;
  virtual void release(std::unique_ptr<Connection> connection) = 0;
};

// Numbered migrations. A migration is either a SQL file in the migrations folder named
// NNNN_name.sql (both engines), NNNN_name.sqlite.sql / NNNN_name.postgresql.sql (one engine each),
// or a step in code registered with its number. In SQL files the token {{id}} expands to the
// engine's auto-increment integer primary key. Each migration runs in its own transaction and is
// recorded in schema_migrations(version, name, applied_at).
struct CodeMigration {
  int version;
  std::string name;
  std::function<void(Transaction&)> apply;
};

struct MigrationReport {
  std::vector<std::string> applied;  // "0001_core", ...
  int current_version = 0;
};

MigrationReport migrate(Database& database, const std::string& migrations_dir,
                        const std::vector<CodeMigration>& code_migrations = {});

}  // namespace simpul::db
