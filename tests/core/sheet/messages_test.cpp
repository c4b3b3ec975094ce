// Every error key the module throws has a message in both languages, with the placeholders the
// code fills in.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "support.hpp"

namespace simpul::sheet {
namespace {

const std::filesystem::path kHome = SIMPUL_SOURCE_DIR;

std::map<std::string, std::string> catalogue(const std::string& lang) {
  return nlohmann::json::parse(testing::read_file(kHome / ("i18n/sheet." + lang + ".json")));
}

std::set<std::string> thrown_keys() {
  static const std::regex key(R"re("(sheet\.error\.[a-z_0-9]+)")re");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(kHome / "src/core/sheet")) {
    const std::string source = testing::read_file(entry.path());
    for (std::sregex_iterator it(source.begin(), source.end(), key), end; it != end; ++it) {
      keys.insert((*it)[1]);
    }
  }
  return keys;
}

std::set<std::string> keys_of(const std::map<std::string, std::string>& messages) {
  std::set<std::string> keys;
  for (const auto& [key, message] : messages) keys.insert(key);
  return keys;
}

TEST(Messages, EveryThrownKeyHasAMessageInBothLanguages) {
  const auto indonesian = catalogue("id");
  const auto english = catalogue("en");
  EXPECT_EQ(keys_of(indonesian), thrown_keys());
  EXPECT_EQ(keys_of(english), thrown_keys());
}

TEST(Messages, BothLanguagesUseTheSamePlaceholders) {
  static const std::regex placeholder(R"(\{[a-z_]+\})");
  const auto placeholders = [](const std::string& message) {
    std::set<std::string> names;
    for (std::sregex_iterator it(message.begin(), message.end(), placeholder), end; it != end;
         ++it) {
      names.insert(it->str());
    }
    return names;
  };
  const auto english = catalogue("en");
  for (const auto& [key, message] : catalogue("id")) {
    EXPECT_EQ(placeholders(message), placeholders(english.at(key))) << key;
  }
}

}  // namespace
}  // namespace simpul::sheet
