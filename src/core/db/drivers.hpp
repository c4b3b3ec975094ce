#pragma once
// Entry points of the two drivers and small helpers they share; private to src/core/db.
#include <memory>
#include <string>
#include <string_view>

#include "core/db/database.hpp"

namespace simpul::db::detail {

// filename is a path, or a SQLite URI ("file:...") when memory is true.
std::unique_ptr<Database> open_sqlite(const std::string& filename, bool memory,
                                      const PoolOptions& options);
std::unique_ptr<Database> open_postgres(const std::string& url, const PoolOptions& options);

// The url with the password of "user:password@" and of "password=" replaced by ***.
std::string without_password(std::string_view url);

// SQL quoted in error messages, shortened so a failing migration does not flood the log.
std::string sql_excerpt(std::string_view sql);

}  // namespace simpul::db::detail
