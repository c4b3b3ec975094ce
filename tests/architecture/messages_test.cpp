// The i18n catalogues: both languages have the same keys, every key the code and templates use
// exists, and every template compiles in both languages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/view/i18n.hpp"
#include "core/view/template.hpp"

namespace simpul::view {
namespace {

const std::string kHome = SIMPUL_SOURCE_DIR;

TEST(Catalogues, IndonesianAndEnglishHaveTheSameKeys) {
  auto catalog = Catalog::load(kHome + "/i18n");
  EXPECT_EQ(catalog.keys(Lang::id), catalog.keys(Lang::en));
  EXPECT_GT(catalog.keys(Lang::id).size(), 100u);
}

// Literal keys in the C++ sources: "prefix.name" strings passed to t(), errors and notices.
TEST(Catalogues, EveryKeyTheCodeUsesExists) {
  auto catalog = Catalog::load(kHome + "/i18n");
  static const std::regex key_literal(
      R"re("((?:error|notice|signin|password|form|account|users|agencies|agency|unit|role|profile|audit|home|about|upcoming|nav|layout|catalogue|api|search)\.[a-z_.]+)")re");
  std::set<std::string> missing;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kHome + "/src")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    if (entry.path().filename() == "config.cpp") continue;  // TOML keys such as "catalogue.…"
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), key_literal), end; it != end; ++it) {
      std::string key = (*it)[1];
      if (key.back() == '.') continue;         // a prefix completed at run time
      if (key.ends_with(".create")) continue;  // an audit action, not a message
      if (!catalog.has(Lang::id, key))
        missing.insert(key + " (" + entry.path().filename().string() + ")");
    }
  }
  EXPECT_TRUE(missing.empty()) << [&] {
    std::string list;
    for (const auto& key : missing) list += key + "\n";
    return list;
  }();
}

TEST(Templates, EveryTemplateCompilesInBothLanguages) {
  auto catalog = Catalog::load(kHome + "/i18n");
  EXPECT_NO_THROW(TemplateSet::load(kHome + "/templates", catalog));
}

}  // namespace
}  // namespace simpul::view
