// SQLite driver: WAL, statements prepared once per connection, $N placeholders bound by name,
// and write transactions queued in the process instead of spinning in the busy handler.
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <semaphore>
#include <string>
#include <unordered_map>

#include "core/db/drivers.hpp"
#include "core/db/pool.hpp"

namespace simpul::db::detail {
namespace {

// The right to write one database file. A semaphore rather than a mutex, because a
// transaction may end on another thread than the one that began it.
using WriterTurn = std::binary_semaphore;

// Hands the turn back when a transaction ends or its connection closes.
struct ReturnTurn {
  void operator()(WriterTurn* turn) const { turn->release(); }
};
using HeldTurn = std::unique_ptr<WriterTurn, ReturnTurn>;

// Every Database of this process that opens the same file shares one writer turn.
std::shared_ptr<WriterTurn> writer_turn_for(const std::string& file) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<WriterTurn>> turns;
  std::lock_guard lock(mutex);
  std::erase_if(turns, [](const auto& entry) { return entry.second.expired(); });
  auto& slot = turns[file];
  auto turn = slot.lock();
  if (!turn) slot = turn = std::make_shared<WriterTurn>(1);
  return turn;
}

// "data/app.db" and "./data/app.db" are one file and must share one writer turn.
std::string same_file_key(const std::string& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

// State shared by the connections of one pool.
struct SqliteShared {
  std::string filename;
  std::chrono::milliseconds busy_timeout;
  // Shared-cache in-memory databases lock whole tables and answer SQLITE_LOCKED at once
  // (busy_timeout does not apply), so there every transaction takes the writer turn.
  bool serialize_all;
  std::shared_ptr<WriterTurn> writer;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// Resets a cached statement after use, so it holds no lock and no bound text.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementUse() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

 private:
  sqlite3_stmt* statement_;
};

bool only_blanks(std::string_view text) {
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c)) && c != ';') return false;
  }
  return true;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(std::shared_ptr<SqliteShared> shared);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Engine engine() const override { return Engine::sqlite; }
  Result query(std::string_view sql, const Params& params) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin(bool write) override;
  void commit() override { end_transaction("COMMIT"); }
  void rollback() override;
  bool healthy() const override { return healthy_; }

 private:
  void configure();
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* statement, const Params& params, std::string_view sql);
  void bind_value(sqlite3_stmt* statement, int index, const Value& value);
  bool step(sqlite3_stmt* statement, std::string_view sql);
  Result::Cell read_cell(sqlite3_stmt* statement, int column) const;
  void run(std::string_view sql);
  void wait_for_writer_turn();
  void set_query_only(bool query_only);
  void end_transaction(const char* sql);
  [[noreturn]] void fail(int code, std::string_view sql) const;

  std::shared_ptr<SqliteShared> shared_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> statements_;
  HeldTurn writer_turn_;
  bool query_only_ = false;
  bool healthy_ = true;
};

SqliteConnection::SqliteConnection(std::shared_ptr<SqliteShared> shared)
    : shared_(std::move(shared)) {
  // NOMUTEX: the pool lends a connection to one thread at a time.
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(shared_->filename.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close_v2(db_);
    throw Unavailable("cannot open the SQLite database " + shared_->filename + ": " + reason);
  }
  try {
    configure();
  } catch (...) {
    sqlite3_close_v2(db_);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

void SqliteConnection::configure() {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(shared_->busy_timeout.count()));
  run("PRAGMA journal_mode=WAL");
  run("PRAGMA foreign_keys=ON");
  run("PRAGMA synchronous=NORMAL");
}

void SqliteConnection::run(std::string_view sql) {
  const std::string text(sql);
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) fail(code, sql);
}

[[noreturn]] void SqliteConnection::fail(int code, std::string_view sql) const {
  const std::string message = sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Unavailable("database is locked");
    case SQLITE_CONSTRAINT:
      throw ConstraintViolation(message, message);
    default:
      throw Error(message + " (SQL: " + sql_excerpt(sql) + ")");
  }
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  if (auto found = statements_.find(sql); found != statements_.end()) return found->second;
  // Dynamic SQL (IN lists of any length) would grow the cache without end.
  constexpr std::size_t max_cached = 256;
  if (statements_.size() >= max_cached) {
    for (auto& [text, statement] : statements_) sqlite3_finalize(statement);
    statements_.clear();
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, &tail);
  if (code != SQLITE_OK) fail(code, sql);
  if (!statement) throw Error("empty SQL statement");
  if (!only_blanks(std::string_view(tail, sql.data() + sql.size()))) {
    sqlite3_finalize(statement);
    throw Error("several SQL statements in one call; use execute_script (SQL: " + sql_excerpt(sql) +
                ")");
  }
  statements_.emplace(std::string(sql), statement);
  return statement;
}

// Binding by name lets one parameter appear several times, or out of order, as on PostgreSQL.
void SqliteConnection::bind(sqlite3_stmt* statement, const Params& params, std::string_view sql) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::string name = std::to_string(i + 1);
    name.insert(0, 1, '$');  // not "$" + ...: GCC 12 warns falsely (-Wrestrict) on that at -O1
    const int index = sqlite3_bind_parameter_index(statement, name.c_str());
    if (index == 0)
      throw Error("parameter " + name + " is not used (SQL: " + sql_excerpt(sql) + ")");
    bind_value(statement, index, params[i]);
  }
  const int expected = sqlite3_bind_parameter_count(statement);
  if (expected != static_cast<int>(params.size())) {
    throw Error("the SQL takes " + std::to_string(expected) + " parameters, " +
                std::to_string(params.size()) + " given (SQL: " + sql_excerpt(sql) + ")");
  }
}

void SqliteConnection::bind_value(sqlite3_stmt* statement, int index, const Value& value) {
  // SQLITE_STATIC: the text outlives the statement use, which StatementUse clears.
  const int code = std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) return sqlite3_bind_null(statement, index);
        if constexpr (std::is_same_v<T, std::int64_t>)
          return sqlite3_bind_int64(statement, index, v);
        if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(statement, index, v);
        if constexpr (std::is_same_v<T, std::string>) {
          return sqlite3_bind_text64(statement, index, v.data(), v.size(), SQLITE_STATIC,
                                     SQLITE_UTF8);
        }
      },
      value);
  if (code != SQLITE_OK) fail(code, sqlite3_sql(statement));
}

bool SqliteConnection::step(sqlite3_stmt* statement, std::string_view sql) {
  const int code = sqlite3_step(statement);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  fail(code, sql);
}

Result::Cell SqliteConnection::read_cell(sqlite3_stmt* statement, int column) const {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return std::int64_t{sqlite3_column_int64(statement, column)};
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    case SQLITE_NULL:
      return nullptr;
    default: {  // TEXT or BLOB
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return std::string(bytes ? bytes : "", sqlite3_column_bytes(statement, column));
    }
  }
}

Result SqliteConnection::query(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = prepare(sql);
  StatementUse use(statement);
  bind(statement, params, sql);
  const int width = sqlite3_column_count(statement);
  std::vector<std::string> columns;
  for (int i = 0; i < width; ++i) columns.emplace_back(sqlite3_column_name(statement, i));
  std::vector<std::vector<Result::Cell>> rows;
  while (step(statement, sql)) {
    auto& row = rows.emplace_back();
    for (int i = 0; i < width; ++i) row.push_back(read_cell(statement, i));
  }
  return Result(std::move(columns), std::move(rows));
}

std::int64_t SqliteConnection::execute(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = prepare(sql);
  StatementUse use(statement);
  bind(statement, params, sql);
  // sqlite3_changes64 still reports the previous INSERT/UPDATE/DELETE after any other
  // statement; the total only moves when this one changed rows.
  const auto total_before = sqlite3_total_changes64(db_);
  while (step(statement, sql)) {
  }
  return sqlite3_total_changes64(db_) == total_before ? 0 : sqlite3_changes64(db_);
}

void SqliteConnection::execute_script(std::string_view sql) { run(sql); }

// Writers of this process queue here instead of polling in SQLite's busy handler, which
// still guards against other processes.
void SqliteConnection::wait_for_writer_turn() {
  WriterTurn& turn = *shared_->writer;
  if (!turn.try_acquire_for(shared_->busy_timeout)) throw Unavailable("database is locked");
  writer_turn_.reset(&turn);
}

// Read transactions refuse writes as on PostgreSQL (BEGIN READ ONLY); a write there would
// also bypass the writer queue.
void SqliteConnection::set_query_only(bool query_only) {
  if (query_only == query_only_) return;
  run(query_only ? "PRAGMA query_only=ON" : "PRAGMA query_only=OFF");
  query_only_ = query_only;
}

void SqliteConnection::begin(bool write) {
  if (write || shared_->serialize_all) wait_for_writer_turn();
  try {
    set_query_only(!write);
    run(write ? "BEGIN IMMEDIATE" : "BEGIN");
  } catch (...) {
    writer_turn_.reset();
    throw;
  }
}

void SqliteConnection::end_transaction(const char* sql) {
  // SQLite ends the transaction by itself after some errors (SQLITE_FULL, SQLITE_IOERR).
  const int code =
      sqlite3_get_autocommit(db_) ? SQLITE_OK : sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  // A failed COMMIT (a deferred foreign key) leaves the transaction open for the rollback.
  if (sqlite3_get_autocommit(db_)) writer_turn_.reset();
  if (code != SQLITE_OK) fail(code, sql);
}

void SqliteConnection::rollback() {
  try {
    end_transaction("ROLLBACK");
  } catch (...) {
    healthy_ = false;  // still inside a transaction: the pool must close it, not lend it
    throw;
  }
}

class SqliteDatabase final : public ConnectionPool {
 public:
  SqliteDatabase(std::shared_ptr<SqliteShared> shared, const PoolOptions& options,
                 std::string description)
      : ConnectionPool(options), shared_(std::move(shared)), description_(std::move(description)) {
    // An in-memory database lives while one connection to it is open; this one keeps it
    // alive even when the pool has none yet.
    if (shared_->serialize_all) keeper_ = std::make_unique<SqliteConnection>(shared_);
  }

  Engine engine() const override { return Engine::sqlite; }
  std::string describe() const override { return description_; }

 protected:
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<SqliteConnection>(shared_);
  }

 private:
  std::shared_ptr<SqliteShared> shared_;
  std::string description_;
  std::unique_ptr<SqliteConnection> keeper_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& filename, bool memory,
                                      const PoolOptions& options) {
  auto shared = std::make_shared<SqliteShared>();
  shared->filename = filename;
  shared->busy_timeout = options.busy_timeout;
  shared->serialize_all = memory;
  shared->writer = writer_turn_for(memory ? filename : same_file_key(filename));
  return std::make_unique<SqliteDatabase>(std::move(shared), options,
                                          memory ? "sqlite::memory:" : "sqlite:" + filename);
}

}  // namespace simpul::db::detail
