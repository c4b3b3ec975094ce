#include <atomic>
#include <filesystem>
#include <regex>
#include <string>

#include "core/db/database.hpp"
#include "core/db/drivers.hpp"

namespace simpul::db {

namespace detail {

std::string without_password(std::string_view url) {
  static const std::regex user_password(R"(^([a-z]+://[^:/@?]*):[^@/?]*@)");
  static const std::regex password_parameter(R"(([?&]password=)[^&]*)");
  std::string redacted = std::regex_replace(std::string(url), user_password, "$1:***@");
  return std::regex_replace(redacted, password_parameter, "$1***");
}

std::string sql_excerpt(std::string_view sql) {
  constexpr std::size_t max_length = 300;
  if (sql.size() <= max_length) return std::string(sql);
  return std::string(sql.substr(0, max_length)) + "...";
}

}  // namespace detail

namespace {

bool has_suffix(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_sqlite_path(std::string_view url) {
  return has_suffix(url, ".db") || has_suffix(url, ".sqlite") || has_suffix(url, ".sqlite3");
}

// Every pooled connection opens the same name, so they all share one in-memory database;
// the counter keeps two Database objects apart.
std::string new_memory_database_name() {
  static std::atomic<int> counter{0};
  return "file:simpul_mem_" + std::to_string(++counter) + "?mode=memory&cache=shared";
}

// "sqlite:data/app.db" and "sqlite:///var/app.db" both name a file.
std::string sqlite_path(std::string_view url) {
  std::string_view path = url.substr(std::string_view("sqlite:").size());
  if (path.starts_with("//")) path.remove_prefix(2);
  if (path.empty()) throw Error("the SQLite URL names no file: " + std::string(url));
  return std::string(path);
}

std::unique_ptr<Database> open_sqlite_file(const std::string& path, const PoolOptions& options) {
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) {
    throw Unavailable("cannot create the folder of the SQLite database " + path + ": " +
                      error.message());
  }
  return detail::open_sqlite(path, false, options);
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url, PoolOptions options) {
  if (options.size < 1) throw Error("the database pool size must be at least 1");
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return detail::open_postgres(url, options);
  }
  if (url == "sqlite::memory:") {
    return detail::open_sqlite(new_memory_database_name(), true, options);
  }
  if (url.starts_with("sqlite:")) return open_sqlite_file(sqlite_path(url), options);
  if (is_sqlite_path(url)) return open_sqlite_file(url, options);
  throw Error("unsupported database URL \"" + detail::without_password(url) +
              "\": use sqlite:path, a path ending in .db, sqlite::memory: or postgresql://...");
}

}  // namespace simpul::db
