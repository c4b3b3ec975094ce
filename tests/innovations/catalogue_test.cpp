// The registry's messages: every "innovation." key the code and templates name exists in both
// languages, and every code list has its labels.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/view/i18n.hpp"
#include "innovations/model.hpp"

namespace simpul::innovations {
namespace {

using view::Catalog;
using view::Lang;

const std::string kHome = SIMPUL_SOURCE_DIR;

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Keys named literally in the sources and templates of the registry and the multipart parser.
std::set<std::string> named_keys() {
  // A whole key: a prefix completed at run time ("innovation.stage." + code) ends in a dot.
  static const std::regex key(R"re((?:"|\{\{@)(innovation\.[a-z0-9_.]*[a-z0-9_])(?:"|\}\}))re");
  std::vector<std::filesystem::path> files = {kHome + "/src/core/http/multipart.hpp"};
  for (const char* folder : {"/src/innovations", "/templates/innovations"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kHome + folder))
      files.push_back(entry.path());
  }
  std::set<std::string> keys;
  for (const auto& file : files) {
    std::string text = read(file);
    for (std::sregex_iterator it(text.begin(), text.end(), key), end; it != end; ++it) {
      std::string name = (*it)[1];
      // Audit actions share the prefix but are not messages.
      if (!name.starts_with("innovation.create") && !name.starts_with("innovation.save") &&
          !name.starts_with("innovation.submit") && !name.starts_with("innovation.publish") &&
          !name.starts_with("innovation.return") && !name.starts_with("innovation.file_")) {
        keys.insert(name);
      }
    }
  }
  return keys;
}

TEST(InnovationCatalogue, EveryNamedKeyExistsInBothLanguages) {
  auto catalog = Catalog::load(kHome + "/i18n");
  auto keys = named_keys();
  EXPECT_GT(keys.size(), 100u);
  for (const auto& key : keys) {
    EXPECT_TRUE(catalog.has(Lang::id, key)) << key;
    EXPECT_TRUE(catalog.has(Lang::en, key)) << key;
  }
}

TEST(InnovationCatalogue, EveryCodeHasItsLabel) {
  auto catalog = Catalog::load(kHome + "/i18n");
  auto expect_label = [&](const std::string& key) {
    EXPECT_TRUE(catalog.has(Lang::id, key)) << key;
    EXPECT_TRUE(catalog.has(Lang::en, key)) << key;
  };
  for (auto code : kForms) expect_label("innovation.form." + std::string(code));
  for (auto code : kTypes) expect_label("innovation.type." + std::string(code));
  for (auto code : kStages) expect_label("innovation.stage." + std::string(code));
  for (auto code : kInitiators) expect_label("innovation.initiator." + std::string(code));
  for (auto code : kAffairGroups) expect_label("innovation.affair_group." + std::string(code));
  for (const auto& affair : kAffairs) expect_label("innovation.affair." + std::string(affair.code));
  for (int goal = 1; goal <= kSdgCount; ++goal)
    expect_label("innovation.sdg." + std::to_string(goal));
  for (Status status : {Status::draft, Status::submitted, Status::returned, Status::published})
    expect_label("innovation.status." + std::string(status_code(status)));
  EXPECT_EQ(catalog.text(Lang::id, "innovation.sdg.1"), "Tanpa Kemiskinan");
}

TEST(InnovationCatalogue, OnlyPrefixedKeysInTheFeatureFiles) {
  for (const char* file : {"/i18n/innovations.id.json", "/i18n/innovations.en.json"}) {
    auto messages = nlohmann::json::parse(read(kHome + file));
    for (const auto& [key, value] : messages.items()) {
      EXPECT_TRUE(key.starts_with("innovation.")) << file << ": " << key;
    }
  }
}

}  // namespace
}  // namespace simpul::innovations
