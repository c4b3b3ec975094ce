// Behaviour particular to one engine: SQLite locking and memory databases, PostgreSQL
// recovery after the server drops its connections, and URL handling.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/db/database.hpp"
#include "support/databases.hpp"

namespace db = simpul::db;
using simpul::test::TestDatabase;

namespace {

std::string sqlite_file(const TestDatabase& database) {
  return database.url().substr(std::string("sqlite:").size());
}

TEST(SqliteTest, LockedDatabaseIsUnavailableAfterTheBusyTimeout) {
  TestDatabase database("sqlite");
  db::PoolOptions options;
  options.busy_timeout = std::chrono::milliseconds(100);
  auto db = database.open(options);
  db->write([](db::Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });

  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(sqlite_file(database).c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  try {
    db->write([](db::Transaction& tx) { tx.execute("INSERT INTO t VALUES (1)"); });
    ADD_FAILURE() << "expected Unavailable";
  } catch (const db::Unavailable& error) {
    EXPECT_STREQ(error.what(), "database is locked");
  }
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);

  db->write([](db::Transaction& tx) { tx.execute("INSERT INTO t VALUES (1)"); });
  EXPECT_EQ(db->read([](db::Transaction& tx) { return tx.scalar("SELECT count(*) FROM t"); }), 1);
}

TEST(SqliteTest, OpensInWalModeWithForeignKeys) {
  TestDatabase database("sqlite");
  auto db = database.open();
  db->read([](db::Transaction& tx) {
    EXPECT_EQ(tx.query("PRAGMA journal_mode").front().text(0), "wal");
    EXPECT_EQ(tx.scalar("PRAGMA foreign_keys"), 1);
  });
  db->write([](db::Transaction& tx) {
    tx.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    tx.execute("CREATE TABLE child (parent INTEGER REFERENCES parent(id))");
  });
  EXPECT_THROW(db->write([](db::Transaction& tx) { tx.execute("INSERT INTO child VALUES (42)"); }),
               db::ConstraintViolation);
}

TEST(SqliteTest, CreatesTheFolderOfTheDatabaseFile) {
  TestDatabase database("sqlite");
  const auto file = std::filesystem::path(sqlite_file(database)).parent_path() / "a" / "b" / "x.db";
  auto db = db::Database::open("sqlite:" + file.string());
  db->write([](db::Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST(SqliteTest, PlainPathsEndingInDbAreSqlite) {
  TestDatabase database("sqlite");
  auto db = db::Database::open(sqlite_file(database));
  EXPECT_EQ(db->engine(), db::Engine::sqlite);
  EXPECT_EQ(db->read([](db::Transaction& tx) { return tx.scalar("SELECT 7"); }), 7);
}

TEST(SqliteTest, MemoryDatabaseIsSharedByThePooledConnections) {
  auto db = db::Database::open("sqlite::memory:");
  db->write([](db::Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });
  std::int64_t seen_by_second_connection = -1;
  {
    auto writer = db->begin_write();
    writer.execute("INSERT INTO t VALUES (1)");
    // The reader needs a second connection while the first is lent to the writer; it waits
    // for the writer's commit, then sees its row.
    std::thread reader([&] {
      seen_by_second_connection =
          db->read([](db::Transaction& tx) { return tx.scalar("SELECT count(*) FROM t"); });
    });
    while (db->stats().in_use < 2) std::this_thread::yield();
    writer.commit();
    reader.join();
  }
  EXPECT_EQ(seen_by_second_connection, 1);
  EXPECT_EQ(db->stats().size, 2);
}

TEST(SqliteTest, EachMemoryDatabaseIsSeparate) {
  auto first = db::Database::open("sqlite::memory:");
  auto second = db::Database::open("sqlite::memory:");
  first->write([](db::Transaction& tx) { tx.execute("CREATE TABLE only_in_first (x INTEGER)"); });
  EXPECT_THROW(
      second->read([](db::Transaction& tx) { return tx.query("SELECT * FROM only_in_first"); }),
      db::Error);
}

TEST(DatabaseUrlTest, RejectsUnknownSchemes) {
  EXPECT_THROW(db::Database::open("mysql://user@host/db"), db::Error);
}

TEST(DatabaseUrlTest, DescribeHidesThePassword) {
  auto db = db::Database::open("postgresql://app:s3cret@127.0.0.1:1/app?password=other");
  EXPECT_EQ(db->describe().find("s3cret"), std::string::npos) << db->describe();
  EXPECT_EQ(db->describe().find("other"), std::string::npos) << db->describe();
  EXPECT_NE(db->describe().find("app"), std::string::npos) << db->describe();
}

TEST(DatabaseUrlTest, UnreachablePostgresIsUnavailable) {
  auto db = db::Database::open("postgresql://nobody@127.0.0.1:1/none");
  try {
    db->begin_read();
    FAIL() << "expected Unavailable";
  } catch (const db::Unavailable& error) {
    EXPECT_NE(std::string(error.what()).find("cannot connect to PostgreSQL"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(db->stats().size, 0);
}

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!simpul::test::postgres_admin_url()) GTEST_SKIP() << "SIMPUL_TEST_POSTGRES is not set";
    database_ = std::make_unique<TestDatabase>("postgresql");
  }

  // What a server restart does to the pool: every session ends under it.
  void terminate_sessions() {
    TestDatabase::admin_execute(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '" +
        database_->url().substr(database_->url().rfind('/') + 1) + "'");
  }

  std::unique_ptr<TestDatabase> database_;
};

TEST_F(PostgresTest, DropsBrokenConnectionsAndReconnects) {
  auto db = database_->open();
  {  // two connections open and idle in the pool
    auto a = db->begin_read();
    auto b = db->begin_read();
  }
  ASSERT_EQ(db->stats().size, 2);
  terminate_sessions();

  EXPECT_THROW(db->read([](db::Transaction& tx) { return tx.scalar("SELECT 1"); }),
               db::Unavailable);
  EXPECT_EQ(db->stats().size, 0);
  EXPECT_EQ(db->read([](db::Transaction& tx) { return tx.scalar("SELECT 1"); }), 1);
  EXPECT_EQ(db->stats().size, 1);
}

TEST_F(PostgresTest, ConnectionLostInsideATransactionIsUnavailable) {
  auto db = database_->open();
  auto tx = db->begin_write();
  tx.execute("CREATE TABLE t (x INTEGER)");
  terminate_sessions();
  EXPECT_THROW(tx.execute("INSERT INTO t VALUES (1)"), db::Unavailable);
  EXPECT_THROW(tx.commit(), db::Error);
}

TEST_F(PostgresTest, ConstraintNameComesFromTheServer) {
  auto db = database_->open();
  db->write([](db::Transaction& tx) {
    tx.execute("CREATE TABLE t (x INTEGER CONSTRAINT x_positive CHECK (x > 0))");
  });
  try {
    db->write([](db::Transaction& tx) { tx.execute("INSERT INTO t VALUES (-1)"); });
    FAIL() << "expected a ConstraintViolation";
  } catch (const db::ConstraintViolation& violation) {
    EXPECT_EQ(violation.constraint(), "x_positive");
  }
}

}  // namespace
