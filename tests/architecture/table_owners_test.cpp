// Tables have owners: every table of migrations/ is listed in migrations/tables.tsv with the one
// feature that writes it, and no other feature's code writes it; a feature's code reads only the
// tables of the features it uses (src/features.cmake).
#include "table_owners.hpp"

#include "feature_graph.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace simpul::architecture {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = SIMPUL_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, std::string> owners() {
  return read_owners(read(kSource / "migrations/tables.tsv"));
}

TEST(TableOwners, WritesAreReadFromStringLiteralsOnly) {
  const std::string source = R"cpp(
    // One UPDATE picks the row (a comment, not a write).
    tx.execute("UPDATE email_outbox SET status = 'sent' WHERE id = $1", {id});
    tx.execute(
        "INSERT INTO notices (user_id) "
        "VALUES ($1) ON CONFLICT (user_id) DO UPDATE SET read_at = NULL",
        {id});
    tx.execute("DELETE FROM sessions WHERE id = $1", {id});
    tx.query("SELECT id FROM agencies FOR UPDATE");
    char quote = '"';
  )cpp";
  EXPECT_EQ(written_tables(source), (std::set<std::string>{"email_outbox", "notices", "sessions"}));
}

TEST(TableOwners, APlantedWriteToAnotherFeaturesTableIsReported) {
  auto map = owners();
  const std::string
      planted =
          R"cpp(tx.execute("INSERT INTO innovation_awards (innovation_id, tier) VALUES ($1, $2)",
                           {});)cpp";
  EXPECT_EQ(violations("finals", "finals/service.cpp", planted, map),
            (std::vector<std::string>{
                "finals/service.cpp (finals) writes innovation_awards, owned by innovations"}));
  EXPECT_TRUE(violations("innovations", "innovations/store.cpp", planted, map).empty());
  EXPECT_EQ(
      violations("finals", "finals/store.cpp", R"("UPDATE nowhere SET x = 1")", map),
      (std::vector<std::string>{"finals/store.cpp (finals) writes nowhere, owned by nobody"}));
}

TEST(TableOwners, EveryTableHasOneOwnerThatIsAFeature) {
  auto map = owners();
  std::set<std::string> created;
  for (const auto& entry : fs::directory_iterator(kSource / "migrations")) {
    if (entry.path().extension() != ".sql") continue;
    auto tables = created_tables(read(entry.path()));
    created.insert(tables.begin(), tables.end());
  }
  ASSERT_GT(created.size(), 40u);
  for (const auto& table : created) EXPECT_TRUE(map.contains(table)) << table << " has no owner";
  for (const auto& [table, owner] : map) {
    EXPECT_TRUE(created.contains(table)) << table << " is owned but never created";
    EXPECT_TRUE(fs::is_directory(kSource / "src" / owner)) << owner << " is not a feature";
  }
}

TEST(TableOwners, EveryFeatureWritesOnlyItsOwnTables) {
  auto map = owners();
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const auto& folder : fs::directory_iterator(kSource / "src")) {
    std::string feature = folder.path().filename();
    if (!folder.is_directory() || feature == "core") continue;
    for (const auto& entry : fs::directory_iterator(folder.path())) {
      if (entry.path().extension() != ".cpp") continue;
      ++files;
      auto file = feature + "/" + entry.path().filename().string();
      auto more = violations(feature, file, read(entry.path()), map);
      found.insert(found.end(), more.begin(), more.end());
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

TEST(TableOwners, APlantedReadOfALaterFeaturesTableIsReported) {
  auto map = owners();
  auto features = read_features(read(kSource / "src/features.cmake"));
  const std::string planted = R"cpp(tx.query(
                                        "SELECT results_published_at FROM finals f "
                                        "JOIN proposals p ON p.edition_id = f.edition_id");)cpp";
  EXPECT_EQ(read_violations("competitions", "competitions/store.cpp", planted, map,
                            reachable(features, "competitions")),
            (std::vector<std::string>{
                "competitions/store.cpp (competitions) reads finals, owned by finals, which it "
                "does not use",
                "competitions/store.cpp (competitions) reads proposals, owned by proposals, which "
                "it does not use"}));
  EXPECT_TRUE(
      read_violations("finals", "finals/store.cpp", planted, map, reachable(features, "finals"))
          .empty());
}

// The app root wires every feature and the kernel none, so neither is checked here.
TEST(TableOwners, EveryFeatureReadsOnlyTablesOfTheFeaturesItUses) {
  auto map = owners();
  auto features = read_features(read(kSource / "src/features.cmake"));
  std::vector<std::string> found;
  for (const auto& feature : features) {
    auto reach = reachable(features, feature.name);
    for (const auto& entry : fs::directory_iterator(kSource / "src" / feature.name)) {
      if (entry.path().extension() != ".cpp") continue;
      auto file = feature.name + "/" + entry.path().filename().string();
      auto more = read_violations(feature.name, file, read(entry.path()), map, reach);
      found.insert(found.end(), more.begin(), more.end());
    }
  }
  EXPECT_GT(features.size(), 15u);
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

}  // namespace
}  // namespace simpul::architecture
