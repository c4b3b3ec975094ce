#pragma once
// Databases for tests, on every engine available here.
//
// SQLite always runs. PostgreSQL runs when SIMPUL_TEST_POSTGRES holds an admin URL
// (postgresql://user@host:port/db, allowed to CREATE DATABASE), as set by
// `source scripts/lib/postgres.sh && pg_start`. ctest lists the tests when they are built, so
// export the variable before building, or run the test executable directly.
// A test suite runs on each engine like this:
//
//   class NotesTest : public ::testing::TestWithParam<std::string> {
//    protected:
//     simpul::test::TestDatabase database_{GetParam()};        // fresh, empty, removed after
//     std::unique_ptr<simpul::db::Database> db_ = database_.open();
//   };
//   TEST_P(NotesTest, Saves) { ... db_->write(...) ... }
//   INSTANTIATE_TEST_SUITE_P(Engines, NotesTest,
//                            ::testing::ValuesIn(simpul::test::available_engines()),
//                            simpul::test::engine_test_name);
//
// Declare the Database after the TestDatabase so its connections close first. Put
// SIMPUL_TEST_REPORT_SKIPPED_ENGINES() in one file of each test executable (see below).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/db/database.hpp"

namespace simpul::test {

// The PostgreSQL admin URL from SIMPUL_TEST_POSTGRES, if set.
inline std::optional<std::string> postgres_admin_url() {
  const char* url = std::getenv("SIMPUL_TEST_POSTGRES");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

// Engine names ("sqlite", "postgresql") a test should run on, for ::testing::ValuesIn.
inline std::vector<std::string> available_engines() {
  std::vector<std::string> engines{"sqlite"};
  if (postgres_admin_url()) engines.push_back("postgresql");
  return engines;
}

// Names the instantiated tests after their engine: Engines/NotesTest.Saves/postgresql.
inline std::string engine_test_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

// The same server URL with another database name: postgresql://u@h:1/postgres?x=1 -> .../name?x=1.
inline std::string with_database_name(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  const auto host = scheme == std::string::npos ? 0 : scheme + 3;
  const auto end = std::min(url.find('?'), url.size());
  const auto path = std::min(url.find('/', host), end);
  return url.substr(0, path) + "/" + name + url.substr(end);
}

// A fresh, empty database for one test, removed when the object goes.
// SQLite: a file in a new temporary folder. PostgreSQL: a new database on the admin server.
class TestDatabase {
 public:
  explicit TestDatabase(std::string engine) : engine_(std::move(engine)) {
    const std::string name =
        "simpul_test_" + std::to_string(::getpid()) + "_" + std::to_string(next_number());
    if (engine_ == "sqlite") {
      folder_ = std::filesystem::temp_directory_path() / name;
      std::filesystem::create_directories(folder_);
      url_ = "sqlite:" + (folder_ / "test.db").string();
    } else if (engine_ == "postgresql") {
      create_postgres_database(name);
    } else {
      throw std::invalid_argument("unknown test database engine: " + engine_);
    }
  }

  ~TestDatabase() {
    try {
      if (!folder_.empty()) std::filesystem::remove_all(folder_);
      if (!postgres_name_.empty())
        admin_execute("DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
    } catch (const std::exception& error) {
      ADD_FAILURE() << "could not remove the test database " << url_ << ": " << error.what();
    }
  }

  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& engine() const { return engine_; }
  const std::string& url() const { return url_; }
  std::unique_ptr<db::Database> open(db::PoolOptions options = {}) const {
    return db::Database::open(url_, options);
  }

  // Runs one statement outside any transaction on the admin database (PostgreSQL only), e.g.
  // pg_terminate_backend to simulate a server restart.
  static void admin_execute(const std::string& sql) {
    const auto admin_url = postgres_admin_url();
    if (!admin_url) throw std::logic_error("SIMPUL_TEST_POSTGRES is not set");
    pqxx::connection admin(*admin_url);
    pqxx::nontransaction statement(admin);
    statement.exec(sql);
  }

 private:
  static int next_number() {
    static std::atomic<int> counter{0};
    return ++counter;
  }

  void create_postgres_database(const std::string& name) {
    const auto admin_url = postgres_admin_url();
    if (!admin_url) throw std::logic_error("PostgreSQL test without SIMPUL_TEST_POSTGRES");
    // CREATE DATABASE cannot run inside a transaction, so not through db::Database.
    admin_execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin_execute("CREATE DATABASE " + name);
    postgres_name_ = name;
    url_ = with_database_name(*admin_url, name);
  }

  std::string engine_;
  std::string url_;
  std::filesystem::path folder_;
  std::string postgres_name_;
};

}  // namespace simpul::test

// Put once in one file of each test executable that uses this header. It adds a test that is
// skipped, visibly, when the PostgreSQL variants did not run, and tells LeakSanitizer about a
// libpqxx 6.4 bug: a statement that finds its connection broken leaks libpq's result, because
// libpqxx asks for the client encoding before taking ownership (fixed upstream in 7.x,
// jtv/libpqxx#500). Simpul never calls libpq directly, so libpq allocations are libpqxx's.
#define SIMPUL_TEST_REPORT_SKIPPED_ENGINES()                                             \
  extern "C" const char* __lsan_default_suppressions() { return "leak:libpq.so\n"; }     \
  TEST(TestEngines, PostgresqlAvailable) {                                               \
    if (!::simpul::test::postgres_admin_url()) {                                         \
      GTEST_SKIP() << "WARNING: PostgreSQL tests did not run; set SIMPUL_TEST_POSTGRES " \
                      "(source scripts/lib/postgres.sh && pg_start) to run them";        \
    }                                                                                    \
  }
