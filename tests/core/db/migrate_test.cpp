// Migrations from SQL files and code, on every available engine.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/db/database.hpp"
#include "support/databases.hpp"

namespace db = simpul::db;
namespace fs = std::filesystem;

namespace {

class MigrateTest : public ::testing::TestWithParam<std::string> {
 protected:
  ~MigrateTest() override { fs::remove_all(folder_); }

  void write_file(const std::string& name, const std::string& sql) {
    std::ofstream(folder_ / name) << sql;
  }

  int recorded_version() {
    return static_cast<int>(db_->read([](db::Transaction& tx) {
      return tx.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }));
  }

  bool table_exists(const std::string& table) {
    const auto sql = db_->engine() == db::Engine::sqlite
                         ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
                         : "SELECT count(*) FROM pg_tables WHERE tablename = $1";
    return db_->read([&](db::Transaction& tx) { return tx.scalar(sql, {table}); }) > 0;
  }

  static fs::path make_folder() {
    std::string pattern = (fs::temp_directory_path() / "simpul_migrations_XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }

  fs::path folder_ = make_folder();
  simpul::test::TestDatabase database_{GetParam()};
  std::unique_ptr<db::Database> db_ = database_.open();
};

TEST_P(MigrateTest, AppliesFilesAndCodeOnceInVersionOrder) {
  write_file("0001_notes.sql", "CREATE TABLE notes (id {{id}}, body TEXT NOT NULL);");
  write_file("0002_marker.sqlite.sql",
             "CREATE TABLE marker (engine TEXT); INSERT INTO marker VALUES ('sqlite');");
  write_file("0002_marker.postgresql.sql",
             "CREATE TABLE marker (engine TEXT); INSERT INTO marker VALUES ('postgresql');");
  write_file("README.md", "not a migration");
  const std::vector<db::CodeMigration> code{{3, "first_note", [](db::Transaction& tx) {
                                               tx.execute("INSERT INTO notes (body) VALUES ('hi')");
                                             }}};

  const auto first = db::migrate(*db_, folder_.string(), code);
  EXPECT_EQ(first.applied,
            (std::vector<std::string>{"0001_notes", "0002_marker", "0003_first_note"}));
  EXPECT_EQ(first.current_version, 3);

  const auto second = db::migrate(*db_, folder_.string(), code);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.current_version, 3);

  db_->read([&](db::Transaction& tx) {
    EXPECT_EQ(tx.query("SELECT engine FROM marker").front().text(0), GetParam());
    EXPECT_EQ(tx.scalar("SELECT count(*) FROM notes"), 1);
    EXPECT_EQ(tx.query("SELECT name FROM schema_migrations WHERE version = 2").front().text(0),
              "0002_marker");
  });
}

TEST_P(MigrateTest, IdTokenExpandsToAnAutoIncrementKey) {
  write_file("0001_notes.sql", "CREATE TABLE notes (id {{id}}, body TEXT NOT NULL);");
  db::migrate(*db_, folder_.string());
  const auto ids = db_->write([](db::Transaction& tx) {
    const auto sql = "INSERT INTO notes (body) VALUES ($1) RETURNING id";
    return std::pair{tx.scalar(sql, {std::string("a")}), tx.scalar(sql, {std::string("b")})};
  });
  EXPECT_EQ(ids.second, ids.first + 1);
}

TEST_P(MigrateTest, AppliesOnlyTheNewMigrations) {
  write_file("0001_notes.sql", "CREATE TABLE notes (body TEXT);");
  db::migrate(*db_, folder_.string());
  write_file("0002_tags.sql", "CREATE TABLE tags (name TEXT);");
  const auto report = db::migrate(*db_, folder_.string());
  EXPECT_EQ(report.applied, std::vector<std::string>{"0002_tags"});
  EXPECT_EQ(report.current_version, 2);
}

TEST_P(MigrateTest, AFailingMigrationLeavesThePreviousVersion) {
  write_file("0001_notes.sql", "CREATE TABLE notes (body TEXT);");
  write_file("0002_broken.sql", "CREATE TABLE half (x INTEGER); INSERT INTO missing VALUES (1);");
  try {
    db::migrate(*db_, folder_.string());
    FAIL() << "expected the migration to fail";
  } catch (const db::Error& error) {
    EXPECT_NE(std::string(error.what()).find("0002_broken.sql"), std::string::npos) << error.what();
  }
  EXPECT_EQ(recorded_version(), 1);
  EXPECT_TRUE(table_exists("notes"));
  EXPECT_FALSE(table_exists("half"));
}

TEST_P(MigrateTest, AFailingCodeMigrationRollsBack) {
  const std::vector<db::CodeMigration> code{{1, "boom", [](db::Transaction& tx) {
                                               tx.execute("CREATE TABLE half (x INTEGER)");
                                               throw std::runtime_error("boom");
                                             }}};
  try {
    db::migrate(*db_, "", code);
    FAIL() << "expected the migration to fail";
  } catch (const db::Error& error) {
    EXPECT_NE(std::string(error.what()).find("0001_boom"), std::string::npos) << error.what();
  }
  EXPECT_EQ(recorded_version(), 0);
  EXPECT_FALSE(table_exists("half"));
}

TEST_P(MigrateTest, RefusesTwoMigrationsWithTheSameVersion) {
  write_file("0001_a.sql", "CREATE TABLE a (x TEXT);");
  write_file("0001_b.sql", "CREATE TABLE b (x TEXT);");
  try {
    db::migrate(*db_, folder_.string());
    FAIL() << "expected a duplicate version error";
  } catch (const db::Error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("0001_a.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("0001_b.sql"), std::string::npos) << message;
  }
  EXPECT_FALSE(table_exists("a"));
}

TEST_P(MigrateTest, RefusesACodeMigrationThatReusesAFileVersion) {
  write_file("0001_a.sql", "CREATE TABLE a (x TEXT);");
  const std::vector<db::CodeMigration> code{{1, "also_one", [](db::Transaction&) {}}};
  EXPECT_THROW(db::migrate(*db_, folder_.string(), code), db::Error);
}

TEST_P(MigrateTest, RefusesBadlyNamedSqlFiles) {
  write_file("notes.sql", "CREATE TABLE notes (body TEXT);");
  EXPECT_THROW(db::migrate(*db_, folder_.string()), db::Error);
}

TEST_P(MigrateTest, MissingFolderIsAnError) {
  EXPECT_THROW(db::migrate(*db_, (folder_ / "missing").string()), db::Error);
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrateTest,
                         ::testing::ValuesIn(simpul::test::available_engines()),
                         simpul::test::engine_test_name);

}  // namespace
